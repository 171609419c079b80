-- The roster's remaining rules and its life after publishing: each center's settings (swaps approved
-- automatically or by the admin, how many weekend duties in a row are allowed), staff skills and the
-- skill a shift kind needs, preferences (a day someone would rather not work), swaps between colleagues,
-- and the history of every change made to a published roster.
create table roster_setting (
    center_code          varchar(40) primary key references center (code),
    swap_auto_approve    boolean not null default false,
    max_weekends_running int     not null default 1 check (max_weekends_running between 1 and 5)
);

create table staff_skill (
    center_code varchar(40) not null references center (code),
    account_id  bigint      not null,
    skill       varchar(40) not null,
    primary key (center_code, account_id, skill)
);

-- at least one person on every shift of this kind must have the skill
create table duty_skill_rule (
    center_code varchar(40) not null references center (code),
    kind        varchar(12) not null check (kind in ('LUNCHTIME', 'EVENING', 'WEEKEND', 'HOLIDAY_DUTY')),
    skill       varchar(40) not null,
    primary key (center_code, kind)
);

alter table staff_unavailability
    add column strength varchar(12) not null default 'UNAVAILABLE' check (strength in ('UNAVAILABLE', 'PREFER_NOT'));

alter table duty_assignment add column skill varchar(40);

create table duty_swap (
    id                    bigint generated always as identity primary key,
    center_code           varchar(40) not null references center (code),
    roster_id             bigint      not null references duty_roster (id) on delete cascade,
    assignment_id         bigint      not null references duty_assignment (id) on delete cascade,
    requester_id          bigint      not null,
    colleague_id          bigint      not null,
    colleague_assignment  bigint references duty_assignment (id) on delete cascade,
    status                varchar(10) not null default 'REQUESTED'
        check (status in ('REQUESTED', 'ACCEPTED', 'APPROVED', 'DECLINED', 'REJECTED', 'WITHDRAWN')),
    created_at            timestamptz not null default now(),
    decided_at            timestamptz,
    decided_by            bigint
);
-- one open swap per duty
create unique index duty_swap_open_idx on duty_swap (assignment_id) where status in ('REQUESTED', 'ACCEPTED');
create index duty_swap_center_idx on duty_swap (center_code, status);

create table duty_roster_change (
    id           bigint generated always as identity primary key,
    roster_id    bigint       not null references duty_roster (id) on delete cascade,
    revision     int          not null,
    changed_at   timestamptz  not null default now(),
    changed_by   bigint       not null,
    via          varchar(10)  not null check (via in ('PUBLISH', 'REPUBLISH', 'SWAP')),
    duty_date    date,
    kind         varchar(12),
    from_account bigint,
    to_account   bigint,
    reason       varchar(200)
);
create index duty_roster_change_roster_idx on duty_roster_change (roster_id, id);
