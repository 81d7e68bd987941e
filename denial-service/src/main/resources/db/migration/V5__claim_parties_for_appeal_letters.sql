-- Who a claim is about and who billed it, as ClaimAdjudicated reports them (all optional), for the appeal letter's
-- letterhead and patient identification. Patient data: read by the letter only, never logged or put in events.
create table claim_party (
    claim_id               uuid primary key,
    practice_id            varchar(64)  not null,
    member_id              varchar(80),
    patient_first_name     varchar(100),
    patient_last_name      varchar(100),
    patient_date_of_birth  date,
    provider_npi           varchar(10),
    provider_name          varchar(200),
    provider_address_line1 varchar(200),
    provider_address_line2 varchar(200),
    provider_city          varchar(100),
    provider_state         varchar(2),
    provider_postal_code   varchar(10),
    updated_at             timestamptz  not null
);
