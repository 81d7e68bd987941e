-- What the practice bills for a code (its charge master). When a practice has a row for a code, the claim
-- carries this amount; otherwise the charge sent with the encounter.
create table charge_master (
    practice_id    varchar(64)   not null,
    procedure_code varchar(5)    not null,
    amount         numeric(11,2) not null check (amount > 0),
    primary key (practice_id, procedure_code)
);

-- Billing providers known to a practice: the address that goes into 837P loop 2010AA.
create table provider_registry (
    practice_id varchar(64) not null,
    npi         varchar(10) not null,
    name        varchar(60) not null,
    line1       varchar(55) not null,
    line2       varchar(55),
    city        varchar(30) not null,
    state       varchar(2)  not null,
    postal_code varchar(9)  not null,
    primary key (practice_id, npi)
);

-- One claim per coded encounter (the business key): a redelivered or re-published encounter never
-- becomes a second claim.
create table claim (
    id                         uuid primary key,
    practice_id                varchar(64)   not null,
    encounter_id               uuid          not null,
    external_id                varchar(64),
    patient_control_number     varchar(20)   not null,
    status                     varchar(32)   not null,
    frequency_code             varchar(1)    not null default '1',
    payer_id                   varchar(80)   not null,
    member_id                  varchar(80)   not null,
    relationship               varchar(10)   not null,
    patient_first_name         varchar(35)   not null,
    patient_last_name          varchar(60)   not null,
    patient_date_of_birth      date          not null,
    patient_sex                varchar(1)    not null,
    patient_line1              varchar(55)   not null,
    patient_line2              varchar(55),
    patient_city               varchar(30)   not null,
    patient_state              varchar(2)    not null,
    patient_postal_code        varchar(9)    not null,
    billing_npi                varchar(10)   not null,
    billing_tax_id             varchar(9)    not null,
    billing_name               varchar(60)   not null,
    billing_line1              varchar(55)   not null,
    billing_line2              varchar(55),
    billing_city               varchar(30)   not null,
    billing_state              varchar(2)    not null,
    billing_postal_code        varchar(9)    not null,
    rendering_npi              varchar(10),
    rendering_first_name       varchar(35),
    rendering_last_name        varchar(60),
    place_of_service           varchar(2)    not null,
    date_of_service            date          not null,
    diagnoses                  varchar(200)  not null,
    total_charge               numeric(11,2) not null,
    paid_amount                numeric(11,2) not null default 0,
    adjusted_amount            numeric(11,2) not null default 0,
    patient_responsibility     numeric(11,2) not null default 0,
    payer_claim_control_number varchar(50),
    submission_id              uuid,
    created_at                 timestamptz   not null,
    updated_at                 timestamptz   not null,
    version                    bigint        not null default 0,
    constraint claim_encounter_unique unique (encounter_id),
    constraint claim_patient_control_number_unique unique (patient_control_number)
);
create index claim_status_idx on claim (status, payer_id, created_at);
create index claim_practice_idx on claim (practice_id, created_at);

create table claim_line (
    id                        bigserial primary key,
    claim_id                  uuid          not null references claim (id),
    line_number               int           not null,
    procedure_code            varchar(5)    not null,
    modifiers                 varchar(20)   not null default '',
    units                     int           not null,
    diagnosis_pointers        varchar(20)   not null,
    charge_amount             numeric(11,2) not null,
    line_item_control_number  varchar(30)   not null unique,
    paid_amount               numeric(11,2) not null default 0,
    allowed_amount            numeric(11,2),
    constraint claim_line_number_unique unique (claim_id, line_number)
);

-- A claim's history, shown to people: "why is this claim denied, and what happened since".
create table claim_event (
    id          bigserial primary key,
    claim_id    uuid          not null references claim (id),
    occurred_at timestamptz   not null,
    kind        varchar(64)   not null,
    detail      varchar(2000)
);
create index claim_event_claim_idx on claim_event (claim_id, id);

-- Control numbers of outgoing interchanges: never reused, gaps allowed.
create sequence interchange_control_seq start with 1 maxvalue 999999999 cycle;
create sequence group_control_seq start with 1 maxvalue 999999999 cycle;
create sequence transaction_control_seq start with 1 maxvalue 999999999 cycle;

-- One 837P interchange as written. The text is kept so that a retry sends the very same file (same
-- control numbers: the payer dedupes interchanges) and so that GET /claims/{id}/x12 shows what was sent.
create table submission (
    id                         uuid primary key,
    payer_id                   varchar(80)  not null,
    interchange_control_number varchar(9)   not null unique,
    group_control_number       varchar(9)   not null,
    transaction_control_number varchar(9)   not null,
    status                     varchar(16)  not null,
    x12                        text         not null,
    claim_count                int          not null,
    attempts                   int          not null default 0,
    next_attempt_at            timestamptz  not null,
    acknowledgment             text,
    acknowledgment_code        varchar(2),
    last_error                 varchar(500),
    created_at                 timestamptz  not null,
    sent_at                    timestamptz
);
create index submission_sending_idx on submission (next_attempt_at) where status = 'SENDING';

-- Inbound files (277CA, 835) already handled, so that a file seen twice is handled once.
create table inbound_file (
    id          bigserial primary key,
    source_id   varchar(200) not null unique,
    kind        varchar(10)  not null,
    outcome     varchar(200) not null,
    received_at timestamptz  not null
);

-- One 835 transaction set. A file is recognised again by its hash and a payment by payer + trace number.
create table remittance (
    id                  uuid primary key,
    content_sha256      varchar(64)   not null,
    transaction_index   int           not null,
    status              varchar(16)   not null,
    payer_id            varchar(80),
    trace_number        varchar(50),
    payment_amount      numeric(13,2),
    payment_method      varchar(3),
    payment_date        date,
    claims_posted       int           not null default 0,
    claims_unmatched    int           not null default 0,
    problems            varchar(4000),
    content             text          not null,
    received_at         timestamptz   not null,
    constraint remittance_file_unique unique (content_sha256, transaction_index)
);
create unique index remittance_trace_unique on remittance (payer_id, trace_number) where status = 'POSTED';

-- One claim's adjudication in one remittance (a reversal is a second row with negative amounts).
create table claim_payment (
    id                         uuid primary key,
    remittance_id              uuid          not null references remittance (id),
    claim_id                   uuid          not null references claim (id),
    claim_status_code          varchar(2)    not null,
    outcome                    varchar(20)   not null,
    charge_amount              numeric(11,2) not null,
    paid_amount                numeric(11,2) not null,
    patient_responsibility     numeric(11,2) not null,
    payer_claim_control_number varchar(50),
    posted_at                  timestamptz   not null
);
create index claim_payment_claim_idx on claim_payment (claim_id);

-- CAS adjustments: claim level when line_number is null.
create table line_adjustment (
    id               bigserial primary key,
    claim_payment_id uuid          not null references claim_payment (id),
    claim_id         uuid          not null references claim (id),
    line_number      int,
    group_code       varchar(2)    not null,
    reason_code      varchar(5)    not null,
    amount           numeric(11,2) not null
);
create index line_adjustment_claim_idx on line_adjustment (claim_id);

-- Claims in a remittance that match no claim of ours: kept for a person to work.
create table unmatched_remittance (
    id                         bigserial primary key,
    remittance_id              uuid          not null references remittance (id),
    patient_control_number     varchar(38)   not null,
    payer_claim_control_number varchar(50),
    claim_status_code          varchar(2)    not null,
    charge_amount              numeric(11,2) not null,
    paid_amount                numeric(11,2) not null,
    reason                     varchar(200)  not null
);

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
