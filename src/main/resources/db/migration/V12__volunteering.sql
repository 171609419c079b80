-- Volunteering: volunteers, partner organisations and teams, recruitments with a database-held
-- number of places and waitlist, service records (MCA Order No. 67 fields), corrections with history,
-- and certificates anyone can verify.

create table partner_org (
    id                     bigint generated always as identity primary key,
    center_code            varchar(40)  not null references center (code),
    code                   varchar(40)  not null unique check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
    name                   varchar(100) not null check (length(trim(name)) > 0),
    kind                   varchar(20)  not null check (kind in ('UNIVERSITY', 'COMPANY', 'GOVERNMENT', 'SOCIAL_ORG')),
    credit_code            char(18)     not null unique,
    agreement_from         date         not null,
    agreement_to           date         not null,
    provides               varchar(300),
    coordinator_account_id bigint       not null,
    invite_token           varchar(32)  not null unique,
    created_at             timestamptz  not null default now(),
    check (agreement_to >= agreement_from)
);

create table volunteer_team (
    id          bigint generated always as identity primary key,
    center_code varchar(40)  not null references center (code),
    code        varchar(40)  not null unique check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
    name        varchar(60)  not null check (length(trim(name)) > 0),
    webhook_url varchar(300)            -- the team's WeCom group robot; null: no group message
);

create sequence volunteer_number_seq;

-- A volunteer is a person (from the residents' real-name record). Adults and 14–17-year-olds register
-- themselves (a teenager's registration waits for a guardian's consent); a guardian registers a child.
create table volunteer (
    id                     bigint generated always as identity primary key,
    person_id              bigint       not null unique,
    account_id             bigint       unique,          -- null for a child without an account
    guardian_account_id    bigint,                       -- the guardian who consented (minors)
    guardian_consent_at    timestamptz,
    number                 varchar(16)  not null unique, -- public; never the ID number
    center_code            varchar(40)  not null references center (code),
    birth_date             date         not null,
    skills                 jsonb        not null default '[]',
    languages              jsonb        not null default '[]',
    availability           jsonb        not null default '[]',
    service_areas          jsonb        not null default '[]',
    emergency_name_enc     text,
    emergency_phone_enc    text,
    org_id                 bigint references partner_org (id),
    team_id                bigint references volunteer_team (id),
    status                 varchar(16)  not null check (status in ('ACTIVE', 'PENDING_CONSENT', 'WITHDRAWN')),
    registered_at          timestamptz  not null default now()
);
create index volunteer_center_idx on volunteer (center_code) where status = 'ACTIVE';
create index volunteer_org_idx on volunteer (org_id);
create index volunteer_team_idx on volunteer (team_id);
create index volunteer_guardian_idx on volunteer (guardian_account_id);

-- The recruitment row holds its counts and next waitlist number; every sign-up and cancellation locks
-- it first, so places are never oversold and the waitlist keeps arrival order across instances.
create table recruitment (
    id                   bigint generated always as identity primary key,
    center_code          varchar(40)  not null references center (code),
    title                varchar(100) not null check (length(trim(title)) > 0),
    description          varchar(2000),
    place                varchar(100),
    starts_at            timestamptz  not null,
    ends_at              timestamptz  not null,
    needed               int          not null check (needed between 1 and 1000),
    confirmed            int          not null default 0,
    waitlisted           int          not null default 0,
    next_waitlist_number bigint       not null default 1,
    skills               jsonb        not null default '[]',
    min_age              int check (min_age between 14 and 100),
    dangerous            boolean      not null default false,  -- never offered to minors
    activity_id          bigint references activity (id),
    team_id              bigint references volunteer_team (id),
    status               varchar(12)  not null default 'OPEN' check (status in ('OPEN', 'CANCELLED')),
    created_by           bigint,
    created_at           timestamptz  not null default now(),
    check (ends_at > starts_at),
    check (confirmed between 0 and needed),
    check (waitlisted >= 0)
);
create index recruitment_center_idx on recruitment (center_code, starts_at);
create unique index recruitment_activity_idx on recruitment (activity_id) where activity_id is not null;

create table recruitment_signup (
    id              bigint generated always as identity primary key,
    recruitment_id  bigint      not null references recruitment (id),
    volunteer_id    bigint      not null references volunteer (id),
    signed_up_by    bigint      not null,
    status          varchar(12) not null check (status in ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    waitlist_number bigint,
    created_at      timestamptz not null default now(),
    cancelled_at    timestamptz,
    checked_in_at   timestamptz,
    checked_out_at  timestamptz,
    check (checked_out_at is null or checked_out_at > checked_in_at)
);
create unique index recruitment_signup_live_idx on recruitment_signup (recruitment_id, volunteer_id)
    where status <> 'CANCELLED';
create index recruitment_signup_waitlist_idx on recruitment_signup (recruitment_id, waitlist_number)
    where status = 'WAITLISTED';

-- A service record: one per volunteer and recruitment. Net minutes exclude travel and can never be
-- longer than the time between start and end (the CHECK holds it whatever the code does).
create table service_record (
    id               bigint generated always as identity primary key,
    volunteer_id     bigint       not null references volunteer (id),
    recruitment_id   bigint       not null references recruitment (id),
    center_code      varchar(40)  not null references center (code),
    activity_title   varchar(100) not null,
    service_date     date         not null,
    place            varchar(100),
    content          varchar(300) not null,
    started_at       timestamptz  not null,
    ended_at         timestamptz  not null,
    net_minutes      int          not null check (net_minutes > 0),
    organiser        varchar(100) not null,
    person_in_charge varchar(50),
    source           varchar(10)  not null check (source in ('CHECK_IN', 'SUBMITTED', 'STAFF')),
    status           varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'CONFIRMED', 'REJECTED')),
    confirm_by       timestamptz  not null,         -- staff confirm within the set time
    confirmed_by     bigint,
    confirmed_at     timestamptz,
    created_at       timestamptz  not null default now(),
    unique (volunteer_id, recruitment_id),
    check (ended_at > started_at),
    check (net_minutes * interval '1 minute' <= ended_at - started_at)
);
create index service_record_center_idx on service_record (center_code, status, confirm_by);
create index service_record_volunteer_idx on service_record (volunteer_id, service_date);

-- Corrections: request → review → amend. The record is amended only by an approved request, and the
-- request keeps what the record said before.
create table service_record_correction (
    id                   bigint generated always as identity primary key,
    record_id            bigint       not null references service_record (id),
    requested_by         bigint       not null,
    reason               varchar(300) not null,
    proposed_started_at  timestamptz  not null,
    proposed_ended_at    timestamptz  not null,
    proposed_net_minutes int          not null check (proposed_net_minutes > 0),
    previous             jsonb,
    status               varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    reviewed_by          bigint,
    reviewed_at          timestamptz,
    created_at           timestamptz  not null default now(),
    check (proposed_ended_at > proposed_started_at),
    check (proposed_net_minutes * interval '1 minute' <= proposed_ended_at - proposed_started_at)
);
create unique index service_record_correction_open_idx on service_record_correction (record_id)
    where status = 'PENDING';

create sequence service_certificate_serial_seq;

create table service_certificate (
    id                bigint generated always as identity primary key,
    serial            varchar(40)  not null unique,
    verification_code varchar(16)  not null unique,
    volunteer_id      bigint       not null references volunteer (id),
    center_code       varchar(40)  not null references center (code),
    period_from       date         not null,
    period_to         date         not null,
    total_minutes     int          not null,
    record_count      int          not null,
    person_in_charge  varchar(50),
    issued_at         timestamptz  not null default now(),
    issued_by         bigint
);
