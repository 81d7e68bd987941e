-- Interest the payer adds to a claim's payment (835 AMT*I, included in CLP04): kept apart from paid_amount so
-- that charged = paid + adjusted + patient_responsibility + outstanding still holds; interest is extra income.
alter table claim add column interest_amount numeric(11,2) not null default 0;
alter table claim_payment add column interest_amount numeric(11,2) not null default 0;

-- Provider-level adjustments of an 835 (PLB): not tied to one claim of ours (L6 interest, WO overpayment
-- recovery, FB forwarding balance, ...). A positive amount reduced the payment, a negative one added to it.
create table provider_adjustment (
    id                 bigserial primary key,
    remittance_id      uuid          not null references remittance (id),
    provider_id        varchar(50),
    fiscal_period_date date,
    reason_code        varchar(2)    not null,
    reference_id       varchar(50),
    amount             numeric(11,2) not null
);
create index provider_adjustment_remittance_idx on provider_adjustment (remittance_id, id);
