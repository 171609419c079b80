-- Natural persons with real-name details. Sensitive fields are sealed by SensitiveData (AES-GCM,
-- "v1:<key>:<base64>"); the ID number also has a keyed hash for exact look-ups. Birth date, sex and
-- home center stay in the clear for age rules and statistics, and survive erasure (year only).
create table person (
    id              bigint generated always as identity primary key,
    account_id      bigint unique references account (id),
    real_name_enc   text,
    id_number_enc   text,
    id_number_hash  varchar(64) unique,
    address_enc     text,
    birth_date      date,
    sex             char(1) check (sex in ('M', 'F')),
    home_center_id  bigint references center (id),
    registered_by   bigint references account (id),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    anonymised_at   timestamptz,
    check (id_number_enc is null or id_number_enc like 'v1:%')
);
create index person_home_center_idx on person (home_center_id);

-- What a person agreed to, when, given by whom (the person, or a guardian for a minor), and when withdrawn.
create table consent (
    id              bigint generated always as identity primary key,
    person_id       bigint not null references person (id) on delete cascade,
    purpose         varchar(40) not null check (purpose in ('REAL_NAME', 'GUARDIAN_OF_MINOR', 'HOUSEHOLD_LINK', 'HOME_VISIT')),
    given_by        bigint references account (id),
    given_at        timestamptz not null default now(),
    withdrawn_at    timestamptz,
    detail          varchar(200)
);
create index consent_person_idx on consent (person_id);

-- A household: the person who manages it and the members they look after (a child, an elderly parent).
create table household_link (
    id              bigint generated always as identity primary key,
    person_id       bigint not null references person (id) on delete cascade,
    member_id       bigint not null references person (id) on delete cascade,
    relation        varchar(16) not null check (relation in ('CHILD', 'PARENT', 'GRANDPARENT', 'SPOUSE', 'OTHER')),
    status          varchar(12) not null check (status in ('PENDING', 'ACTIVE', 'DECLINED')),
    consent_id      bigint references consent (id),
    created_at      timestamptz not null default now(),
    decided_at      timestamptz,
    unique (person_id, member_id),
    check (person_id <> member_id)
);

-- In-app inbox. One row per (event, recipient): a redelivered event cannot show twice.
create table notification (
    id              uuid primary key,
    source_id       varchar(80) not null,
    account_id      bigint not null references account (id) on delete cascade,
    kind            varchar(40) not null,
    title           varchar(200) not null,
    body            varchar(1000) not null,
    urgent          boolean not null default false,
    created_at      timestamptz not null default now(),
    read_at         timestamptz,
    sms_due_at      timestamptz,
    sms_sent_at     timestamptz,
    sms_attempts    int not null default 0,
    unique (source_id, account_id, kind)
);
create index notification_account_idx on notification (account_id, created_at desc);
create index notification_sms_due_idx on notification (sms_due_at) where sms_sent_at is null and sms_due_at is not null;

create table notification_preference (
    account_id      bigint primary key references account (id) on delete cascade,
    sms_enabled     boolean not null default true,
    quiet_start     time,
    quiet_end       time
);
