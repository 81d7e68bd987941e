-- Row-level security (issue #8): PostgreSQL itself keeps each practice's rows apart, not only the service's queries.
-- The service connects as ${app_role}, which owns no table and cannot bypass RLS; these migrations run as the owner.
-- Every transaction names its practice in the setting claimflow.practice (PracticeScope sets it on each connection
-- the pool hands out: the caller's token practice, the consumed event's practice, or '*' for the service's named
-- cross-practice jobs). No practice set, or one without rows: nothing is visible and nothing can be written.

grant usage on schema public to ${app_role};
grant select, insert, update, delete on all tables in schema public to ${app_role};
grant usage, select on all sequences in schema public to ${app_role};
-- Tables and sequences of later migrations (created by the owner that runs them) get the same grants.
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};

-- Flyway's own bookkeeping is the owner's alone.
revoke all on flyway_schema_history from ${app_role};
-- Reference data only migrations change: the service reads it. (adjustment_code and codeset_import are written by the
-- CARC/RARC import at start-up, denial_reason_map by that import and by PUT /api/v1/denial-reasons: they stay writable.)
revoke insert, update, delete on non_denial_adjustment, payer_appeal_policy from ${app_role};

-- Every table with a practice_id column. Each child table (history, notes, appeals, corrections, recoveries) carries
-- its own practice_id, so no table of practice rows is without one.
alter table denial enable row level security;
alter table denial force row level security;
create policy practice_isolation on denial
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

alter table denial_history enable row level security;
alter table denial_history force row level security;
create policy practice_isolation on denial_history
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

alter table denial_note enable row level security;
alter table denial_note force row level security;
create policy practice_isolation on denial_note
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

alter table appeal enable row level security;
alter table appeal force row level security;
create policy practice_isolation on appeal
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

alter table correction_request enable row level security;
alter table correction_request force row level security;
create policy practice_isolation on correction_request
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

alter table correction_recovery enable row level security;
alter table correction_recovery force row level security;
create policy practice_isolation on correction_recovery
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

alter table claim_adjudication enable row level security;
alter table claim_adjudication force row level security;
create policy practice_isolation on claim_adjudication
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

-- Patient data (name, date of birth, member id): read by the appeal letter of the same practice only.
alter table claim_party enable row level security;
alter table claim_party force row level security;
create policy practice_isolation on claim_party
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

alter table idempotency_key enable row level security;
alter table idempotency_key force row level security;
create policy practice_isolation on idempotency_key
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

alter table outbox_event enable row level security;
alter table outbox_event force row level security;
create policy practice_isolation on outbox_event
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

alter table processed_event enable row level security;
alter table processed_event force row level security;
create policy practice_isolation on processed_event
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');
