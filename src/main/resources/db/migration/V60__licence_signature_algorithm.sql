-- SM2 with SM3 replaces Ed25519 for licence signatures (ADR 0045). Each licence records the algorithm it was signed
-- with; the licences signed before are Ed25519 and keep verifying with their (retired) key.
alter table gf_licence add column signature_algorithm varchar(16);
update gf_licence set signature_algorithm = 'Ed25519' where signature is not null;
