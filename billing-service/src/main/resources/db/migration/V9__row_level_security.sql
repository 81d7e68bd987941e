-- Row-level security (issue #8): PostgreSQL, not only the service's code, keeps each practice's rows apart. The
-- service connects as ${app_role}, which owns no table and cannot bypass RLS; every transaction names its practice
-- in the setting claimflow.practice (PracticeScope: the caller's token, the consumed event's envelope, or '*' for
-- the named cross-practice jobs). No practice set (or '') sees and writes nothing.

-- 1. Every table that holds a practice's rows gets a practice_id. Rows that hang off a claim (lines, history,
-- scrub findings, claim payments, their adjustments) or off a remittance take their parent's practice, filled in by
-- a trigger: the code that writes them need not repeat it, and a child can never name another practice than its
-- parent. The trigger reads the parent as the writing role, so under RLS a parent the transaction may not see
-- leaves practice_id null and the insert fails.
create function practice_of_claim() returns trigger language plpgsql as $$
begin
    new.practice_id := (select c.practice_id from claim c where c.id = new.claim_id);
    return new;
end $$;

alter table claim_line add column practice_id varchar(64);
alter table claim_event add column practice_id varchar(64);
alter table claim_scrub_finding add column practice_id varchar(64);
alter table claim_payment add column practice_id varchar(64);
alter table line_adjustment add column practice_id varchar(64);
update claim_line t set practice_id = c.practice_id from claim c where c.id = t.claim_id;
update claim_event t set practice_id = c.practice_id from claim c where c.id = t.claim_id;
update claim_scrub_finding t set practice_id = c.practice_id from claim c where c.id = t.claim_id;
update claim_payment t set practice_id = c.practice_id from claim c where c.id = t.claim_id;
update line_adjustment t set practice_id = c.practice_id from claim c where c.id = t.claim_id;
alter table claim_line alter column practice_id set not null;
alter table claim_event alter column practice_id set not null;
alter table claim_scrub_finding alter column practice_id set not null;
alter table claim_payment alter column practice_id set not null;
alter table line_adjustment alter column practice_id set not null;
create trigger claim_line_practice before insert on claim_line for each row execute function practice_of_claim();
create trigger claim_event_practice before insert on claim_event for each row execute function practice_of_claim();
create trigger claim_scrub_finding_practice before insert on claim_scrub_finding for each row execute function practice_of_claim();
create trigger claim_payment_practice before insert on claim_payment for each row execute function practice_of_claim();
create trigger line_adjustment_practice before insert on line_adjustment for each row execute function practice_of_claim();

-- A submission (one 837P interchange) is written per practice and payer (SubmissionService), and holds the claims'
-- patient data: its practice is its claims'. One that no claim points to any more (every claim was written into a
-- later one) is found through the history line that named its interchange.
alter table submission add column practice_id varchar(64);
update submission s set practice_id = (select c.practice_id from claim c where c.submission_id = s.id limit 1);
update submission s set practice_id = (select c.practice_id from claim_event e join claim c on c.id = e.claim_id
                                       where e.kind = 'SUBMITTING'
                                         and e.detail like 'Written into 837P interchange ' || s.interchange_control_number || '%'
                                       limit 1)
where s.practice_id is null;
alter table submission alter column practice_id set not null;

-- A remittance (one 835 transaction set, with the whole file's text) is the practice's whose biller uploaded it
-- (POST /api/v1/remittances posts only against that practice's claims). A file the clearinghouse delivered to the
-- inbound poller pays claims of any practice: its practice_id is null, and only the cross-practice jobs see it; each
-- practice sees what it was paid through its own claim payments. Rows before this migration came from either path and
-- cannot be told apart: they stay null (cross-practice), the safe side.
alter table remittance add column practice_id varchar(64);
create function practice_of_remittance() returns trigger language plpgsql as $$
begin
    new.practice_id := (select r.practice_id from remittance r where r.id = new.remittance_id);
    return new;
end $$;
alter table unmatched_remittance add column practice_id varchar(64);
alter table provider_adjustment add column practice_id varchar(64);
create trigger unmatched_remittance_practice before insert on unmatched_remittance for each row execute function practice_of_remittance();
create trigger provider_adjustment_practice before insert on provider_adjustment for each row execute function practice_of_remittance();

create index claim_line_practice_idx on claim_line (practice_id);
create index submission_practice_idx on submission (practice_id);
create index remittance_practice_idx on remittance (practice_id);

-- 2. The application role: data access, no DDL, no TRUNCATE (it bypasses RLS). Reference tables (charge_master,
-- provider_registry) are practice tables like the others. inbound_file (which clearinghouse files were handled: ids,
-- kinds, counts; no patient data, read by no endpoint) is the poller's own bookkeeping and has no practice.
grant usage on schema public to ${app_role};
grant select, insert, update, delete on all tables in schema public to ${app_role};
grant usage, select on all sequences in schema public to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};
-- ...but not Flyway's history: only the owner migrates.
revoke all on flyway_schema_history from ${app_role};

-- 3. Every table with a practice_id: enabled, forced (the owner too), one policy for reading and writing.
do $$
declare
    t text;
begin
    for t in select c.table_name from information_schema.columns c
             join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
             where c.table_schema = 'public' and c.column_name = 'practice_id' and tb.table_type = 'BASE TABLE'
    loop
        execute format('alter table %I enable row level security', t);
        execute format('alter table %I force row level security', t);
        execute format($p$create policy practice_isolation on %I
            using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
            with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')$p$, t);
    end loop;
end $$;
