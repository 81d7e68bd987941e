-- One denial per denied service line of a remittance (line_number 0: the whole claim was denied without
-- lines). The business key makes a redelivered event or a re-sent remittance a no-op.
create table denial (
    id                          uuid primary key,
    practice_id                 varchar(64)   not null,
    claim_id                    uuid          not null,
    remittance_id               uuid          not null,
    encounter_id                uuid,
    payer_id                    varchar(80)   not null,
    payer_claim_control_number  varchar(50),
    patient_control_number      varchar(38),
    line_number                 int           not null,
    procedure_code              varchar(48),
    group_code                  varchar(2),
    reason_codes                text[]        not null,
    remark_codes                text[]        not null,
    amount                      numeric(12,2) not null,
    category                    varchar(40)   not null,
    root_cause                  varchar(500),
    queue                       varchar(20)   not null,
    correctable                 boolean       not null,
    appealable                  boolean       not null,
    date_of_service             date,
    remittance_date             date          not null,
    appeal_deadline             date          not null,
    priority                    numeric(16,2) not null,
    status                      varchar(20)   not null,
    created_at                  timestamptz   not null,
    updated_at                  timestamptz   not null,
    version                     bigint        not null default 0,
    constraint denial_business_key unique (claim_id, remittance_id, line_number)
);
-- The work queues: open denials of one queue, most valuable and most urgent first.
create index denial_queue_idx on denial (status, queue, priority desc, created_at);
create index denial_claim_idx on denial (claim_id);
create index denial_practice_idx on denial (practice_id, status, priority desc, created_at);

-- What happened to a denial, in order: shown to people as its history.
create table denial_history (
    id          bigserial primary key,
    denial_id   uuid          not null references denial (id),
    practice_id varchar(64)   not null,
    occurred_at timestamptz   not null,
    kind        varchar(64)   not null,
    detail      varchar(1000)
);
create index denial_history_denial_idx on denial_history (denial_id, id);

-- Every CARC, RARC and group code with its description, for display. Loaded from
-- src/main/resources/codesets/ at startup (CodesetImporter); a retired code keeps its end date.
create table adjustment_code (
    code        varchar(10)   not null,
    kind        varchar(10)   not null,
    description varchar(2000) not null,
    start_date  date,
    end_date    date,
    primary key (kind, code)
);

-- Which checksum of each code-set file has been imported, so a restart re-imports only a changed file.
create table codeset_import (
    name        varchar(200) primary key,
    checksum    varchar(64)  not null,
    row_count   int          not null,
    imported_at timestamptz  not null
);

-- Classification of a denial reason, kept as data so operators can change it without a release.
-- group_code '*' matches any group; a row with a remark code wins over the same CARC without one when the
-- line carries that remark. Every CARC gets a row (OTHER → BILLING unless seeded otherwise in V2).
create table denial_reason_map (
    id          bigserial primary key,
    group_code  varchar(2)   not null default '*',
    carc        varchar(10)  not null,
    rarc        varchar(10),
    category    varchar(40)  not null,
    root_cause  varchar(500) not null,
    queue       varchar(20)  not null,
    appealable  boolean      not null,
    correctable boolean      not null,
    updated_at  timestamptz  not null default now()
);
create unique index denial_reason_map_key on denial_reason_map (group_code, carc, coalesce(rarc, ''));
create index denial_reason_map_carc_idx on denial_reason_map (carc);

-- Adjustments that are not denials even on a line paid zero: contractual write-offs and patient
-- responsibility (reason_code '*' = any reason of that group).
create table non_denial_adjustment (
    group_code  varchar(2)   not null,
    reason_code varchar(10)  not null,
    reason      varchar(200) not null,
    primary key (group_code, reason_code)
);

-- Appeal and timely-filing windows per payer; payer_id '*' is the default for payers not listed.
create table payer_appeal_policy (
    payer_id                 varchar(80) primary key,
    kind                     varchar(20) not null,
    appeal_window_days       int         not null check (appeal_window_days > 0),
    receipt_presumption_days int         not null check (receipt_presumption_days >= 0),
    timely_filing_days       int         not null check (timely_filing_days > 0)
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
