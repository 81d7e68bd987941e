-- Batch checks for upcoming appointments: one request, many members, worked off by BatchWorker through the
-- same check path as a real-time check (EligibilityService#checkBatchItem).
create table eligibility_batch (
    id           uuid primary key,
    practice_id  varchar(64)  not null,
    provider_npi varchar(10)  not null,
    item_count   integer      not null,
    requested_by varchar(64)  not null,
    created_at   timestamptz  not null
);

create table eligibility_batch_item (
    batch_id           uuid         not null references eligibility_batch (id),
    position           integer      not null,
    reference          varchar(100),
    payer_id           varchar(80)  not null,
    member_id          varchar(80)  not null,
    first_name         varchar(35)  not null,
    last_name          varchar(60)  not null,
    date_of_birth      date         not null,
    sex                varchar(1)   not null,
    date_of_service    date         not null,
    service_type_codes varchar(300) not null,
    -- PENDING (waiting, or waiting to retry after next_attempt_at), RUNNING (claimed by a worker at claimed_at),
    -- DONE (check_id names the check), FAILED (reason says why; no check could be asked).
    status             varchar(16)  not null,
    attempts           integer      not null default 0,
    next_attempt_at    timestamptz  not null,
    claimed_at         timestamptz,
    check_id           uuid references eligibility_check (id),
    reason             varchar(500),
    updated_at         timestamptz  not null,
    primary key (batch_id, position)
);
-- The worker's queue: pending items in order of readiness; RUNNING items whose worker died are taken back.
create index eligibility_batch_item_pending_idx on eligibility_batch_item (next_attempt_at)
    where status in ('PENDING', 'RUNNING');
