-- One row per adjudicated claim, written at its first adjudication (a re-sent remittance or a later reversal
-- changes nothing): the first-pass rate counts original claims (frequency 1) whose first adjudication had no
-- denial. Replacements (7) and voids (8) are kept with the claim they correct, but never counted as originals.
create table claim_adjudication (
    claim_id          uuid primary key,
    practice_id       varchar(64)   not null,
    payer_id          varchar(80)   not null,
    remittance_id     uuid          not null,
    remittance_date   date          not null,
    frequency_code    varchar(1)    not null,
    replaces_claim_id uuid,
    denied            boolean       not null,
    paid_amount       numeric(12,2) not null,
    created_at        timestamptz   not null
);
create index claim_adjudication_period_idx on claim_adjudication (remittance_date, practice_id);
create index claim_adjudication_replaces_idx on claim_adjudication (replaces_claim_id);

-- What a replacement claim paid for a denial that was CORRECTED: the money the correction recovered.
-- One row per denial and replacement remittance, so a re-sent remittance is not counted twice.
create table correction_recovery (
    id                   bigserial primary key,
    denial_id            uuid          not null references denial (id),
    practice_id          varchar(64)   not null,
    replacement_claim_id uuid          not null,
    remittance_id        uuid          not null,
    amount               numeric(12,2) not null,
    recorded_at          timestamptz   not null,
    constraint correction_recovery_key unique (denial_id, remittance_id)
);
