-- Row-level security (issue #8). The service connects as ${app_role}: it owns no table, is no superuser and cannot
-- bypass RLS, so PostgreSQL itself keeps each practice's rows apart. The practice a transaction acts for is the
-- setting claimflow.practice (PracticeScope sets it on every connection the pool hands out); '*' is for the named
-- cross-practice work only (outbox relay, outbox gauges). These migrations run as the tables' owner.

-- Overrides hold a coder's free-text reason and are shown by GET /api/v1/encounters/{id}: they get their practice.
alter table encounter_override add column practice_id varchar(64);
update encounter_override o set practice_id = e.practice_id from encounter e where e.id = o.encounter_id;
alter table encounter_override alter column practice_id set not null;

-- What the application may do. No TRUNCATE, no DDL. The code-set tables (no practice) are written at start-up by the
-- code-set loader (COPY of a new version), so the application keeps write access to them too.
grant usage on schema public to ${app_role};
grant select, insert, update, delete on all tables in schema public to ${app_role};
grant usage, select on all sequences in schema public to ${app_role};
alter default privileges in schema public grant select, insert, update, delete on tables to ${app_role};
alter default privileges in schema public grant usage, select on sequences to ${app_role};

-- Every table with a practice: a row is visible, and may be written, only in a transaction of its practice.
alter table encounter enable row level security;
alter table encounter force row level security;
create policy practice_isolation on encounter
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

alter table encounter_history enable row level security;
alter table encounter_history force row level security;
create policy practice_isolation on encounter_history
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

alter table encounter_override enable row level security;
alter table encounter_override force row level security;
create policy practice_isolation on encounter_override
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

alter table encounter_denial enable row level security;
alter table encounter_denial force row level security;
create policy practice_isolation on encounter_denial
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

-- The code-set loader drops a table's lookup index before its COPY and builds it again after (several times faster
-- than maintaining it row by row, README), and ANALYZEs the table. Both are the owner's privilege; these two
-- functions run as the owner (security definer) and act on the code-set tables only. The index columns are here,
-- in one place with the ones V2 declares.
create function codeset_drop_lookup_index(code_set_table text) returns void
    language plpgsql security definer set search_path = public, pg_temp as $fn$
begin
    if code_set_table not in ('icd10cm_code', 'mce_edit', 'hcpcs_code', 'ncci_ptp_edit', 'ncci_mue', 'ncci_addon_edit',
                              'modifier_code', 'pos_code') then
        raise exception 'not a code-set table: %', code_set_table;
    end if;
    execute format('drop index if exists %I', code_set_table || '_idx');
end
$fn$;

create function codeset_build_lookup_index(code_set_table text) returns void
    language plpgsql security definer set search_path = public, pg_temp as $fn$
declare
    index_columns text;
begin
    index_columns := case code_set_table
        when 'ncci_ptp_edit' then 'codeset_version, column1, column2'
        when 'ncci_addon_edit' then 'codeset_version, add_on_code'
        when 'icd10cm_code' then 'codeset_version, code'
        when 'mce_edit' then 'codeset_version, code'
        when 'hcpcs_code' then 'codeset_version, code'
        when 'ncci_mue' then 'codeset_version, code'
        when 'modifier_code' then 'codeset_version, code'
        when 'pos_code' then 'codeset_version, code'
    end;
    if index_columns is null then
        raise exception 'not a code-set table: %', code_set_table;
    end if;
    execute format('create index %I on %I (%s)', code_set_table || '_idx', code_set_table, index_columns);
    execute format('analyze %I', code_set_table);
end
$fn$;

revoke all on function codeset_drop_lookup_index(text) from public;
revoke all on function codeset_build_lookup_index(text) from public;
grant execute on function codeset_drop_lookup_index(text) to ${app_role};
grant execute on function codeset_build_lookup_index(text) to ${app_role};
