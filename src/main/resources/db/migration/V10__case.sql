-- Cases (办件) started by the intake: the only place the applicant's full id number is stored.
create sequence gf_case_number_seq start with 1 increment by 1;

create table gf_case (
    case_number            varchar(40)  not null,
    item_code              varchar(20)  not null,
    mode                   varchar(20)  not null,
    department             varchar(50)  not null,
    district               varchar(20)  not null,
    new_town               varchar(30),
    channel                varchar(10)  not null,
    situation              varchar(50)  not null,
    applicant_type         varchar(12)  not null,
    applicant_name         varchar(200) not null,
    id_type                varchar(12)  not null,
    id_number              varchar(18)  not null,
    phone                  varchar(30),
    address                varchar(500),
    delivery_method        varchar(20)  not null,
    delivery_address       varchar(500),
    commitment             boolean      not null,
    process_instance_id    varchar(64),
    voucher_number         varchar(60)  not null,
    voucher_issued_by      varchar(30)  not null,
    acceptance_expected_by date,
    started_by             varchar(64)  not null,
    idempotency_key        varchar(200),
    request_hash           varchar(64),
    created_at             timestamp    not null,
    status                 varchar(20)  not null,
    constraint gf_case_pk primary key (case_number),
    -- One case per caller and Idempotency-Key: two concurrent identical requests cannot both commit.
    constraint gf_case_idempotency unique (started_by, idempotency_key)
);

create index gf_case_district on gf_case (district);
create index gf_case_department on gf_case (department);
