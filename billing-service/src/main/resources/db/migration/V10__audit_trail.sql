-- Audit trail of PHI access (issue #8): one row per response of an endpoint that returns or changes patient data
-- (claims and their 837P, patient accounts, statements and payments, remittances, AR aging), whatever its outcome,
-- written before the response leaves (rest/AuditFilter). Append-only: the application role may insert and read (the
-- compliance endpoint), nobody may change or remove a row. No patient data in a row but patient_ref, the member id the
-- service already keeps on claim and patient_account; never a name, a date of birth or an address.
create table audit_event (
    id           uuid primary key,
    occurred_at  timestamptz  not null,
    practice_id  varchar(64)  not null,
    actor        varchar(64)  not null,
    roles        text,
    action       varchar(16)  not null,
    endpoint     varchar(200) not null,
    object_type  varchar(40)  not null,
    object_id    varchar(64),
    claim_id     uuid,
    patient_ref  varchar(80),
    outcome      varchar(16)  not null,
    status       smallint     not null,
    request_id   varchar(100),
    constraint audit_event_action check (action in ('READ', 'LIST', 'CREATE', 'UPDATE', 'DELETE')),
    constraint audit_event_outcome check (outcome in ('SUCCESS', 'DENIED', 'NOT_FOUND', 'REJECTED', 'FAILED'))
);

-- The compliance queries: a claim's or a patient's trail, one object's trail, newest first; and a period.
create index audit_event_claim on audit_event (practice_id, claim_id, occurred_at desc);
create index audit_event_patient on audit_event (practice_id, patient_ref, occurred_at desc);
create index audit_event_object on audit_event (practice_id, object_type, object_id, occurred_at desc);
create index audit_event_occurred on audit_event (occurred_at);

-- As V9 does for every practice table: enabled, forced (the owner too), the one policy for reading and writing.
alter table audit_event enable row level security;
alter table audit_event force row level security;
create policy practice_isolation on audit_event
    using (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*')
    with check (practice_id = current_setting('claimflow.practice', true) or current_setting('claimflow.practice', true) = '*');

-- V9's default privileges gave the new table select, insert, update and delete: take back all but select and insert.
revoke all on audit_event from ${app_role};
grant select, insert on audit_event to ${app_role};

-- Append-only even for the owner: a trigger refuses every update and delete (truncate too, which row triggers miss).
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_event_no_update_or_delete before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
