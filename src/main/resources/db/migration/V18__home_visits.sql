-- 上门服务. The register of residents who may need visits at home: the reason stays readable for
-- statistics, everything else that identifies or describes the person (address, disability grade,
-- health, access notes, contact person) is one sealed (encrypted) document. Consent is recorded: by
-- whom, when, for what. Deletion at the resident's request removes the sealed parts and keeps the
-- reason and the visits' counts.
create table home_care_profile (
    id              bigint generated always as identity primary key,
    center_code     varchar(40)  not null references center (code),
    resident_id     bigint       not null,
    reason          varchar(20)  not null check (reason in ('AGE_80_PLUS', 'DISABILITY', 'LIVES_ALONE',
                                                             'TEMPORARY_ILLNESS', 'OTHER')),
    masked_name     varchar(40)  not null,
    sealed          text,
    family_id       bigint,
    preferred_times varchar(100),
    consent_by      bigint       not null,
    consent_at      timestamptz  not null,
    consent_purpose varchar(200) not null,
    created_at      timestamptz  not null default now(),
    erased_at       timestamptz,
    unique (center_code, resident_id)
);

create table home_visit (
    id                 bigint generated always as identity primary key,
    center_code        varchar(40)  not null references center (code),
    profile_id         bigint       not null references home_care_profile (id),
    purpose            varchar(16)  not null check (purpose in ('APPLICATION', 'PENSION_CHECK', 'CHECK_IN', 'SIGN_FORM')),
    item_code          varchar(60),
    preferred_times    varchar(100),
    note               varchar(500),
    requested_by       bigint       not null,
    requested_via      varchar(10)  not null check (requested_via in ('RESIDENT', 'FAMILY', 'STAFF', 'FOLLOW_UP')),
    status             varchar(10)  not null default 'REQUESTED' check (status in ('REQUESTED', 'ASSIGNED', 'DONE', 'CANCELLED')),
    due_on             date,
    visit_date         date,
    visitor_1          bigint,
    visitor_2          bigint,
    assigned_by        bigint,
    record_sealed      text,
    signature_sealed   text,
    application_id     bigint,
    application_number varchar(40),
    done_by            bigint,
    done_at            timestamptz,
    follow_up_of       bigint references home_visit (id),
    created_at         timestamptz  not null default now(),
    check (visitor_2 is null or visitor_2 <> visitor_1)
);
create index home_visit_center_idx on home_visit (center_code, status, visit_date);
create index home_visit_visitor_idx on home_visit (visit_date, visitor_1, visitor_2);

create table home_visit_setting (
    center_code      varchar(40) primary key references center (code),
    staff_may_assign boolean not null default false
);

alter table application drop constraint if exists application_channel_check;
alter table application add constraint application_channel_check
    check (channel in ('ONLINE', 'WINDOW', 'PHONE', 'HOME_VISIT'));
