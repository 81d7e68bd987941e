-- What the claim scrubber found when it last checked a claim (before batching, or after a data correction).
-- Replaced on every check; a claim with an ERROR finding is SCRUB_HOLD. Messages name fields, never values.
create table claim_scrub_finding (
    id            bigserial primary key,
    claim_id      uuid          not null references claim (id),
    rule_id       varchar(64)   not null,
    severity      varchar(10)   not null,
    message       varchar(500)  not null,
    field         varchar(100),
    suggested_fix varchar(500),
    found_at      timestamptz   not null
);
create index claim_scrub_finding_claim_idx on claim_scrub_finding (claim_id, id);
