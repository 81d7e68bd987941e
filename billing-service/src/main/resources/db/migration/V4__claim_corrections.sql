-- Corrected claims (CLM05-3 7 replacement, 8 void) requested by denial-service (ClaimCorrectionRequested).
-- A correction is a new claim row for the same encounter, linked to the claim it corrects; the
-- one-claim-per-encounter rule now holds for original claims only.
alter table claim add column replaces_claim_id uuid references claim (id);
-- REF*F8 of a replacement or void: the payer's claim control number of the claim it corrects. Kept apart
-- from payer_claim_control_number, which the 277CA/835 fill with the number the payer gives this claim.
alter table claim add column original_payer_claim_control_number varchar(50);
alter table claim drop constraint claim_encounter_unique;
create unique index claim_encounter_original_unique on claim (encounter_id) where replaces_claim_id is null;
create index claim_replaces_idx on claim (replaces_claim_id);

-- One row per correction id (the business key): a second ClaimCorrectionRequested with the same
-- correction id finds it and changes nothing.
create table claim_correction (
    correction_id      uuid primary key,
    practice_id        varchar(64)   not null,
    denial_id          uuid          not null,
    original_claim_id  uuid          not null references claim (id),
    corrected_claim_id uuid references claim (id),
    frequency_code     varchar(1)    not null,
    reason             varchar(1000) not null,
    -- REQUESTED: corrected claim created, waiting for the payer's reversal of the original;
    -- COMPLETED: the reversal was posted; NOT_CORRECTABLE: the original has no payer claim control number.
    status             varchar(20)   not null,
    requested_at       timestamptz   not null,
    completed_at       timestamptz
);
create index claim_correction_original_idx on claim_correction (original_claim_id, status);
