-- Encounters as received from a practice-management system, with the outcome of the coding edits.
create table encounter (
    id              uuid primary key,
    practice_id     varchar(64)  not null,
    external_id     varchar(64)  not null,
    status          varchar(32)  not null,
    date_of_service date         not null,
    request         jsonb        not null,
    findings        jsonb        not null default '[]'::jsonb,
    claim_id        uuid,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0,
    constraint encounter_external_id_unique unique (practice_id, external_id)
);
create index encounter_status_idx on encounter (practice_id, status, created_at);

-- What happened to an encounter, in order: shown to people as its history.
create table encounter_history (
    id           bigserial primary key,
    encounter_id uuid        not null references encounter (id),
    practice_id  varchar(64) not null,
    occurred_at  timestamptz not null,
    kind         varchar(64) not null,
    detail       varchar(1000)
);
create index encounter_history_encounter_idx on encounter_history (encounter_id, id);

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
