-- Coder work queue: who did each step, the open provider query, and overrides of findings.
alter table encounter_history add column actor varchar(64);
alter table encounter add column open_query varchar(1000);

-- A coder's decision that a finding no longer holds (rule, optionally restricted to lines), with who/when/why.
create table encounter_override (
    id            bigserial primary key,
    encounter_id  uuid         not null references encounter (id),
    rule_id       varchar(64)  not null,
    line_numbers  jsonb        not null default '[]'::jsonb,
    reason        varchar(500) not null,
    overridden_by varchar(64)  not null,
    overridden_at timestamptz  not null
);
create index encounter_override_encounter_idx on encounter_override (encounter_id);
