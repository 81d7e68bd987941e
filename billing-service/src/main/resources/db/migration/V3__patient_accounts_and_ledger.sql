-- A patient's account at a practice. Keyed by practice + payer + member id: EncounterCoded carries no
-- practice-management patient id, and the member id is the one identifier on the claim that the payer
-- echoes back in its 835 (NM1*QC). A name + date-of-birth hash would merge namesakes and split on a typo.
-- The cost: the same person under two payers has two accounts (to merge once encounters carry the PMS id).
create table patient_account (
    id            uuid primary key,
    practice_id   varchar(64)  not null,
    payer_id      varchar(80)  not null,
    member_id     varchar(80)  not null,
    first_name    varchar(35)  not null,
    last_name     varchar(60)  not null,
    date_of_birth date         not null,
    created_at    timestamptz  not null,
    constraint patient_account_member_unique unique (practice_id, payer_id, member_id)
);
create index patient_account_lookup_idx on patient_account (practice_id, member_id);

-- What the patient owes, entry by entry; the balance is the sum of amount (positive: the patient owes more).
-- CHARGE: PR adjustments posted from a remittance; ADJUSTMENT: a reversal (CLP02 22) or re-adjudication that
-- takes patient responsibility back; PAYMENT: money the patient paid (negative).
create table patient_ledger (
    id               uuid primary key,
    account_id       uuid          not null references patient_account (id),
    practice_id      varchar(64)   not null,
    claim_id         uuid          references claim (id),
    claim_payment_id uuid          references claim_payment (id),
    kind             varchar(16)   not null check (kind in ('CHARGE', 'PAYMENT', 'ADJUSTMENT')),
    amount           numeric(12,2) not null,
    method           varchar(8)    check (method in ('CASH', 'CARD', 'CHECK')),
    reference        varchar(50),
    occurred_at      timestamptz   not null,
    constraint patient_ledger_payment_has_method check ((kind = 'PAYMENT') = (method is not null)),
    constraint patient_ledger_payment_is_negative check (kind <> 'PAYMENT' or amount < 0)
);
create index patient_ledger_account_idx on patient_ledger (account_id, occurred_at);
create index patient_ledger_claim_idx on patient_ledger (claim_id);
