-- Code sets from CMS (see src/main/resources/codesets/SOURCES.md). Every row carries the version it
-- belongs to, so a newer quarter loads beside the old one and the date of service picks the version.
create table codeset_version (
    name           varchar(32)  not null,
    version        varchar(32)  not null,
    effective_from date         not null,
    effective_to   date,
    loaded_at      timestamptz  not null,
    row_count      bigint       not null,
    source         varchar(500) not null,
    primary key (name, version)
);

create table icd10cm_code (
    codeset_version varchar(48)  not null,
    code            varchar(8)   not null,
    billable        boolean      not null,
    description     varchar(400)
);

create table mce_edit (
    codeset_version varchar(48)  not null,
    code            varchar(8)   not null,
    edit_group      varchar(16)  not null,
    rule            varchar(80)  not null,
    age_min         int,
    age_max         int,
    sex             char(1)
);

create table hcpcs_code (
    codeset_version varchar(48)  not null,
    code            varchar(5)   not null,
    description     text,
    date_added      date,
    date_term       date
);

create table ncci_ptp_edit (
    codeset_version    varchar(48) not null,
    column1            varchar(5)  not null,
    column2            varchar(5)  not null,
    deletion_date      date,
    modifier_indicator char(1)     not null,
    rationale          varchar(80)
);

create table ncci_mue (
    codeset_version varchar(48)  not null,
    code            varchar(5)   not null,
    mue_units       int          not null,
    mai             int          not null,
    rationale       varchar(80)
);

create table ncci_addon_edit (
    codeset_version varchar(48)  not null,
    primary_code    varchar(5)   not null,
    add_on_code     varchar(5)   not null,
    edit_type       int          not null
);

create table modifier_code (
    codeset_version varchar(48)  not null,
    code            varchar(2)   not null,
    mod_type        varchar(16),
    category        varchar(80)
);

create table pos_code (
    codeset_version varchar(48)  not null,
    code            varchar(2)   not null,
    pos_type        varchar(16),
    name            varchar(200)
);
-- Claim-time lookups: one query per table per encounter, all codes (or code pairs) at once.
create index icd10cm_code_idx on icd10cm_code (codeset_version, code);
create index mce_edit_idx on mce_edit (codeset_version, code);
create index hcpcs_code_idx on hcpcs_code (codeset_version, code);
create index ncci_ptp_edit_idx on ncci_ptp_edit (codeset_version, column1, column2);
create index ncci_mue_idx on ncci_mue (codeset_version, code);
create index ncci_addon_edit_idx on ncci_addon_edit (codeset_version, add_on_code);
create index modifier_code_idx on modifier_code (codeset_version, code);
create index pos_code_idx on pos_code (codeset_version, code);
