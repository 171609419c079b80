-- Duty roster for the extended hours: a month's roster per center (a draft until published), its
-- assignments, and the days staff said they are unavailable (stated before generation).
create table duty_roster (
    id           bigint generated always as identity primary key,
    center_code  varchar(40) not null references center (code),
    month        date        not null check (extract(day from month) = 1),
    status       varchar(10) not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED')),
    hard_score   int         not null,
    soft_score   bigint      not null,
    generated_at timestamptz not null default now(),
    published_at timestamptz,
    revision     int         not null default 1,
    unique (center_code, month)
);

create table duty_assignment (
    id          bigint generated always as identity primary key,
    roster_id   bigint      not null references duty_roster (id) on delete cascade,
    duty_date   date        not null,
    kind        varchar(12) not null,
    starts_at   timestamptz not null,
    ends_at     timestamptz not null,
    place       int         not null,
    account_id  bigint      not null,
    unique (roster_id, duty_date, kind, place)
);
create index duty_assignment_account_idx on duty_assignment (account_id, starts_at);

create table staff_unavailability (
    center_code varchar(40)  not null references center (code),
    account_id  bigint       not null,
    day         date         not null,
    reason      varchar(100),
    primary key (center_code, account_id, day)
);
