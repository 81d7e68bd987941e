-- One question to a payer and its answer: asked by a person (claim_id null) or for a claim.
create table eligibility_check (
    id                       uuid primary key,
    practice_id              varchar(64)   not null,
    claim_id                 uuid,
    encounter_id             uuid,
    payer_id                 varchar(80)   not null,
    member_id                varchar(80)   not null,
    date_of_service          date          not null,
    service_type_codes       varchar(300)  not null,
    status                   varchar(16)   not null,
    reason_code              varchar(32),
    reason                   varchar(500),
    plan_name                varchar(100),
    group_number             varchar(80),
    coverage_start           date,
    coverage_end             date,
    -- The headline amounts (first service type asked, in network), also kept per service type in benefits.
    copay                    numeric(12, 2),
    coinsurance              numeric(5, 4),
    deductible_total         numeric(12, 2),
    deductible_remaining     numeric(12, 2),
    out_of_pocket_total      numeric(12, 2),
    out_of_pocket_remaining  numeric(12, 2),
    benefits                 jsonb         not null default '[]'::jsonb,
    -- When a recent answer was reused for a claim: the check that really asked the payer (its X12 is there).
    answered_by_check_id     uuid references eligibility_check (id),
    interchange_control_number integer,
    raw_270                  text,
    raw_271                  text,
    requested_by             varchar(64)   not null,
    created_at               timestamptz   not null
);
create index eligibility_check_member_idx on eligibility_check (member_id, practice_id, created_at desc);
-- The freshness lookup: the latest answered check for one payer, member and date of service.
create index eligibility_check_fresh_idx on eligibility_check (payer_id, member_id, date_of_service, created_at desc)
    where answered_by_check_id is null and status <> 'ERROR';
create index eligibility_check_claim_idx on eligibility_check (claim_id) where claim_id is not null;

-- ISA13 / GS06 / ST02 of every 270 we send: persistent and unique across restarts and replicas.
create sequence x12_control_number minvalue 1 maxvalue 999999999 cycle;

-- Idempotency-Key replay store: the first response to a key is kept and replayed.
create table idempotency_key (
    practice_id     varchar(64)  not null,
    idempotency_key varchar(200) not null,
    request_hash    varchar(64)  not null,
    response_status int,
    response_body   text,
    location        varchar(500),
    created_at      timestamptz  not null,
    primary key (practice_id, idempotency_key)
);

-- Transactional outbox: written in the same transaction as the state change, published by the relay.
create table outbox_event (
    id             bigserial primary key,
    event_id       uuid         not null unique,
    practice_id    varchar(64)  not null,
    topic          varchar(200) not null,
    event_type     varchar(100) not null,
    aggregate_id   varchar(64)  not null,
    correlation_id varchar(64),
    causation_id   varchar(64),
    envelope       text         not null,
    created_at     timestamptz  not null,
    published_at   timestamptz
);
create index outbox_event_unpublished_idx on outbox_event (id) where published_at is null;

-- Inbox: every consumed event id, recorded in the same transaction as its effect, so redelivery is a no-op.
create table processed_event (
    event_id     uuid         not null,
    consumer     varchar(100) not null,
    practice_id  varchar(64)  not null,
    processed_at timestamptz  not null,
    primary key (event_id, consumer)
);
