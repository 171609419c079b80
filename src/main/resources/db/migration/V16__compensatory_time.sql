-- Compensatory time off (调休): a ledger per staff member and center. Worked weekend and holiday duties
-- credit days; worked evenings record the late start the next working morning; approved leave uses
-- days; credits lapse after the center's period, oldest first. Every entry names its cause, once.
create table comp_entry (
    id          bigint generated always as identity primary key,
    center_code varchar(40)  not null references center (code),
    account_id  bigint       not null,
    kind        varchar(12)  not null check (kind in ('CREDIT', 'LATE_START', 'USE', 'EXPIRE')),
    days        numeric(4,1) not null,
    on_day      date         not null,      -- the duty's day, the late-start morning, the leave day
    reason      varchar(200) not null,
    reference   varchar(80)  not null unique,
    created_at  timestamptz  not null default now(),
    check ((kind = 'CREDIT' and days > 0) or (kind = 'LATE_START' and days >= 0)
           or (kind in ('USE', 'EXPIRE') and days < 0))
);
create index comp_entry_account_idx on comp_entry (center_code, account_id, on_day);

create table leave_request (
    id          bigint generated always as identity primary key,
    center_code varchar(40)  not null references center (code),
    account_id  bigint       not null,
    on_day      date         not null,
    days        numeric(3,1) not null check (days in (0.5, 1.0)),
    status      varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'DECLINED')),
    decided_by  bigint,
    decided_at  timestamptz,
    created_at  timestamptz  not null default now()
);
create unique index leave_request_live_idx on leave_request (center_code, account_id, on_day)
    where status <> 'DECLINED';
