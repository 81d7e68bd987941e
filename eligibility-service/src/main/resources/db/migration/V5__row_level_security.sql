-- Row-level security (issue #8). The service connects as ${app_role}: it owns no table, is no superuser and cannot
-- bypass RLS, so PostgreSQL itself keeps each practice's rows apart. The practice a transaction acts for is the
-- setting claimflow.practice (PracticeScope sets it on every connection the pool hands out); '*' is for the named
-- cross-practice work only (the batch worker's claim of due items, the outbox relay, the outbox gauges). These
-- migrations run as the tables' owner.

-- Batch items hold patients (member id, name, date of birth) and are read by GET /api/v1/eligibility/batches/{id}:
-- they get the practice of their batch.
alter table eligibility_batch_item add column practice_id varchar(64);
update eligibility_batch_item i set practice_id = b.practice_id from eligibility_batch b where b.id = i.batch_id;
alter table eligibility_batch_item alter column practice_id set not null;

-- What the application may do: read and write rows and take control numbers. No TRUNCATE, no DDL.
grant usage on schema public to ${app_role};
grant select, insert, update, delete on all tables in schema public to ${app_role};
grant usage, select on all sequences in schema public to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};

-- Every table with a practice: a row is visible, and may be written, only in a transaction of its practice.
alter table eligibility_check enable row level security;
alter table eligibility_check force row level security;
create policy practice_isolation on eligibility_check
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

alter table eligibility_batch enable row level security;
alter table eligibility_batch force row level security;
create policy practice_isolation on eligibility_batch
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

alter table eligibility_batch_item enable row level security;
alter table eligibility_batch_item force row level security;
create policy practice_isolation on eligibility_batch_item
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
