-- Demo data for the walking skeleton: what demo-practice bills and where its billing provider is.
insert into charge_master (practice_id, procedure_code, amount) values
    ('demo-practice', '99213', 150.00),
    ('demo-practice', '99214', 210.00),
    ('demo-practice', '36415', 12.00),
    ('demo-practice', '15780', 950.00);

insert into provider_registry (practice_id, npi, name, line1, line2, city, state, postal_code) values
    ('demo-practice', '1234567893', 'Demo Clinic', '100 Demo Clinic Way', 'Suite 200', 'Springfield', 'IL', '627011234');
