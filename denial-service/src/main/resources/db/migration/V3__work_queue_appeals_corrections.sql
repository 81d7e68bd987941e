-- Working denials: who owns one, what people wrote about it, its appeals and corrected-claim requests.
alter table denial add column assignee varchar(100);
create index denial_assignee_idx on denial (assignee, status, priority desc, created_at);

-- Who did it: the X-User header until authentication lands; the service itself for routing.
alter table denial_history add column actor varchar(100) not null default 'denial-service';

create table denial_note (
    id          uuid primary key,
    denial_id   uuid          not null references denial (id),
    practice_id varchar(64)   not null,
    author      varchar(100)  not null,
    text        varchar(4000) not null,
    created_at  timestamptz   not null
);
create index denial_note_denial_idx on denial_note (denial_id, created_at);

-- An appeal of one denial: drafted, submitted to the payer, then won or lost.
create table appeal (
    id               uuid primary key,
    denial_id        uuid          not null references denial (id),
    practice_id      varchar(64)   not null,
    level            varchar(30)   not null,
    status           varchar(20)   not null,
    reason           varchar(4000) not null,
    attachments      text[]        not null,
    deadline         date          not null,
    submitted_on     date,
    decided_on       date,
    recovered_amount numeric(12,2),
    created_by       varchar(100)  not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    version          bigint        not null default 0
);
create index appeal_denial_idx on appeal (denial_id);
create index appeal_status_idx on appeal (status);

-- A request to billing for a replacement (frequency 7) or void (8) of the denied claim.
create table correction_request (
    id             uuid primary key,
    denial_id      uuid          not null references denial (id),
    practice_id    varchar(64)   not null,
    frequency_code varchar(1)    not null check (frequency_code in ('7', '8')),
    reason         varchar(1000) not null,
    requested_by   varchar(100)  not null,
    created_at     timestamptz   not null
);
create index correction_request_denial_idx on correction_request (denial_id);

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
