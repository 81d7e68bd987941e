-- Denial classification (DOMAIN.md, "Adjustments and denials"). group_code '*' = any group. Routing:
-- coding denials go to coders, eligibility and authorization to the front desk, the rest to billers.
-- appealable: the usual remedy is an appeal (reconsideration with records); correctable: the usual remedy
-- is a corrected claim (frequency 7). Every other CARC is added as OTHER → BILLING by CodesetImporter.
insert into denial_reason_map (group_code, carc, rarc, category, root_cause, queue, appealable, correctable) values
-- eligibility
('*', '26',  null, 'ELIGIBILITY', 'Service date is before the coverage started: verify coverage, bill the right payer or the patient.', 'FRONT_DESK', false, true),
('*', '27',  null, 'ELIGIBILITY', 'Service date is after the coverage ended: verify coverage, bill the right payer or the patient.', 'FRONT_DESK', false, true),
('*', '31',  null, 'ELIGIBILITY', 'The payer cannot identify the patient as its member: check member id, name and date of birth.', 'FRONT_DESK', false, true),
('*', '32',  null, 'ELIGIBILITY', 'The patient is not an eligible dependent on this policy: verify the dependent''s coverage.', 'FRONT_DESK', false, true),
('*', '33',  null, 'ELIGIBILITY', 'The subscriber has no dependent coverage: verify coverage or bill the right payer.', 'FRONT_DESK', false, true),
('*', '109', null, 'ELIGIBILITY', 'Billed to the wrong payer: send the claim to the payer that covers the patient.', 'FRONT_DESK', false, true),
('*', '177', null, 'ELIGIBILITY', 'The patient did not meet the plan''s eligibility requirements: verify coverage.', 'FRONT_DESK', false, true),
('*', '200', null, 'ELIGIBILITY', 'The service falls in a lapse of coverage: verify coverage, bill the patient or another payer.', 'FRONT_DESK', false, true),
-- authorization
('*', '15',  null, 'AUTHORIZATION', 'Authorization number missing, invalid or not for this service: add the right number and resubmit.', 'FRONT_DESK', false, true),
('*', '39',  null, 'AUTHORIZATION', 'Authorization was refused when it was requested: appeal with the clinical records.', 'FRONT_DESK', true, false),
('*', '197', null, 'AUTHORIZATION', 'No precertification or authorization on file: obtain a retro-authorization or appeal with records.', 'FRONT_DESK', true, false),
('*', '198', null, 'AUTHORIZATION', 'More was done than authorized: request an extended authorization or appeal.', 'FRONT_DESK', true, false),
-- coding
('*', '4',   null, 'CODING', 'Procedure code and modifier do not fit together: correct the modifier.', 'CODING', false, true),
('*', '5',   null, 'CODING', 'Procedure code does not fit the place of service: correct the code or the place of service.', 'CODING', false, true),
('*', '6',   null, 'CODING', 'Procedure does not fit the patient''s age: check the code against the chart.', 'CODING', false, true),
('*', '7',   null, 'CODING', 'Procedure does not fit the patient''s sex: check the code against the chart.', 'CODING', false, true),
('*', '9',   null, 'CODING', 'Diagnosis does not fit the patient''s age: check the diagnosis against the chart.', 'CODING', false, true),
('*', '10',  null, 'CODING', 'Diagnosis does not fit the patient''s sex: check the diagnosis against the chart.', 'CODING', false, true),
('*', '11',  null, 'CODING', 'Diagnosis does not support the procedure: point the line at the supporting diagnosis.', 'CODING', false, true),
('*', '97',  null, 'CODING', 'Bundled into another service already paid: unbundle only with a supported modifier.', 'CODING', false, true),
('*', '146', null, 'CODING', 'Diagnosis code was not valid on the date of service: use the code set of that date.', 'CODING', false, true),
('*', '151', null, 'CODING', 'More units or services than the payer accepts: correct the units or appeal with documentation.', 'CODING', true, true),
('*', '181', null, 'CODING', 'Procedure code was not valid on the date of service: use the code set of that date.', 'CODING', false, true),
('*', '182', null, 'CODING', 'Modifier was not valid on the date of service: correct the modifier.', 'CODING', false, true),
('*', '189', null, 'CODING', 'An unlisted code was billed where a specific code exists: code the specific procedure.', 'CODING', false, true),
('*', '234', null, 'CODING', 'Procedure is not paid separately: check the bundling edit and the modifiers.', 'CODING', false, true),
('*', '236', null, 'CODING', 'NCCI procedure-to-procedure edit: the pair is not payable together without an NCCI-associated modifier.', 'CODING', false, true),
-- CARC 16 is missing information in general, and a coding problem when its remark names a code.
('*', '16',  'M20', 'CODING', 'Missing or invalid HCPCS code: correct the procedure code.', 'CODING', false, true),
('*', '16',  'M51', 'CODING', 'Missing or invalid procedure code: correct the procedure code.', 'CODING', false, true),
('*', '16',  'M76', 'CODING', 'Missing or invalid diagnosis: correct the diagnosis codes.', 'CODING', false, true),
('*', '16',  'M77', 'CODING', 'Missing or invalid place of service: correct the place of service.', 'CODING', false, true),
('*', '16',  'M78', 'CODING', 'Missing or invalid modifier: correct the modifier.', 'CODING', false, true),
('*', '16',  'M81', 'CODING', 'Diagnosis not coded to the highest specificity: code the billable leaf code.', 'CODING', false, true),
('*', '16',  'N56', 'CODING', 'Procedure code not valid for the service or date billed: correct the procedure code.', 'CODING', false, true),
-- medical necessity
('*', '50',  null, 'MEDICAL_NECESSITY', 'Payer found the service not medically necessary: appeal with the clinical records.', 'BILLING', true, false),
('*', '55',  null, 'MEDICAL_NECESSITY', 'Payer deems the service experimental or investigational: appeal with evidence.', 'BILLING', true, false),
('*', '56',  null, 'MEDICAL_NECESSITY', 'Payer deems the service not proven effective: appeal with evidence.', 'BILLING', true, false),
('*', '167', null, 'MEDICAL_NECESSITY', 'The diagnosis is not covered for this service: check the coverage policy, appeal with records.', 'BILLING', true, false),
-- timely filing
('*', '29',  null, 'TIMELY_FILING', 'Filed after the payer''s time limit: appeal only with proof of timely submission.', 'BILLING', true, false),
-- duplicates
('*', '18',  null, 'DUPLICATE', 'Payer sees an exact duplicate: check the first claim; a real repeat service needs modifier 76/77.', 'BILLING', false, true),
('*', 'B13', null, 'DUPLICATE', 'Previously paid: check the payment history before doing anything else.', 'BILLING', false, false),
-- coordination of benefits
('*', '22',  null, 'COORDINATION_OF_BENEFITS', 'Another payer may be primary: bill the primary payer first, then this one with its remittance.', 'BILLING', false, true),
('*', '23',  null, 'COORDINATION_OF_BENEFITS', 'Prior payer''s adjudication applied: check the primary remittance was sent with the claim.', 'BILLING', false, true),
-- non-covered
('*', '49',  null, 'NON_COVERED', 'Routine or preventive service not covered: bill the patient if they agreed in advance.', 'BILLING', true, false),
('*', '96',  null, 'NON_COVERED', 'Non-covered charge: read the remark, appeal or bill the patient if they agreed in advance.', 'BILLING', true, false),
('*', '204', null, 'NON_COVERED', 'Not covered under the patient''s current benefit plan: appeal or bill the patient.', 'BILLING', true, false),
-- benefit maximum
('*', '119', null, 'BENEFIT_MAXIMUM', 'The benefit maximum for the period was reached: bill the patient or a secondary payer.', 'BILLING', false, false),
-- missing information
('*', '16',  null, 'MISSING_INFORMATION', 'Claim lacks information or has a billing error: read the remarks, complete the claim and resubmit.', 'BILLING', false, true),
('*', '226', null, 'MISSING_INFORMATION', 'Information the payer asked the provider for was not sent: send it or resubmit with it.', 'BILLING', false, true),
('*', '227', null, 'MISSING_INFORMATION', 'Information the payer asked the patient for was not sent: contact the patient.', 'BILLING', false, true),
('*', '252', null, 'MISSING_INFORMATION', 'An attachment or other documentation is required: send the documentation the remark names.', 'BILLING', false, true);

-- Not denials, even on a line paid zero: contractual reductions the provider writes off, and what the
-- patient owes.
insert into non_denial_adjustment (group_code, reason_code, reason) values
('CO', '45',  'Charge above the fee schedule or contracted amount: a contractual write-off.'),
('CO', '253', 'Sequestration: a legislated reduction of federal payment.'),
('CO', '59',  'Multiple or concurrent procedure reduction: a contractual pricing rule.'),
('CO', '24',  'Covered under a capitation agreement: paid through the capitation, not per claim.'),
('PR', '*',   'Patient responsibility (deductible, coinsurance, copay, ...): billed to the patient.');

-- Appeal windows (DOMAIN.md): Medicare redetermination 120 days from receipt of the notice, receipt
-- presumed 5 days after its date; commercial windows come from each payer's contract.
insert into payer_appeal_policy (payer_id, kind, appeal_window_days, receipt_presumption_days, timely_filing_days) values
('SANDBOX-MEDICARE', 'MEDICARE',   120, 5, 365),
('SANDBOX-PPO',      'COMMERCIAL', 180, 0, 180),
('*',                'COMMERCIAL', 180, 0, 180);
