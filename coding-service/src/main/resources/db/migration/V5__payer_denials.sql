-- Coding denials (claims.denial-routed.v1, queue CODING) re-open an encounter: the denial context is kept until the
-- coder's correction is sent as a replacement claim (CORRECTED) or the coder keeps the billed codes (DECLINED).
create table encounter_denial (
    denial_id                  uuid          primary key,
    encounter_id               uuid          not null references encounter (id),
    practice_id                varchar(64)   not null,
    claim_id                   uuid          not null,
    payer_id                   varchar(80)   not null,
    payer_claim_control_number varchar(50),
    category                   varchar(40),
    group_code                 varchar(2),
    reason_codes               jsonb         not null default '[]'::jsonb,
    reasons                    jsonb         not null default '[]'::jsonb,
    remark_codes               jsonb         not null default '[]'::jsonb,
    line_numbers               jsonb         not null default '[]'::jsonb,
    amount                     numeric(12, 2),
    status                     varchar(16)   not null,
    event_id                   uuid          not null,
    received_at                timestamptz   not null,
    resolved_at                timestamptz,
    resolved_by                varchar(64),
    resolution                 varchar(500)
);
create index encounter_denial_unresolved_idx on encounter_denial (encounter_id) where status in ('OPEN', 'CORRECTING');

-- When encounter-coded last left for billing. Once it has, only a correction for a denial may send the encounter
-- again (a plain re-send would make billing build a second original claim).
alter table encounter add column sent_to_billing_at timestamptz;
update encounter set sent_to_billing_at = updated_at where status = 'CODED';
