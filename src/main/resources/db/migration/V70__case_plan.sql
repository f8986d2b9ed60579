-- The plan a case runs by (R22 一事一方案), snapshotted once by intake with the case (docs/processes.md). Until
-- now the plan travelled as process variables; the models now read it here through the casePlan bean, so a later
-- catalog change cannot alter a running case. Cases started before this migration have no snapshot (null
-- columns) and keep reading their plan variables. voucher_issued_by (V10) is the plan's receipt voucher.
alter table gf_case add column plan_result_type varchar(20);
alter table gf_case add column plan_promised_days integer;
alter table gf_case add column plan_on_the_spot boolean;
alter table gf_case add column plan_receipt_is_acceptance boolean;
alter table gf_case add column plan_acceptance_at varchar(30);
alter table gf_case add column plan_paper_materials boolean;
alter table gf_case add column plan_clock_starts_at varchar(20);
