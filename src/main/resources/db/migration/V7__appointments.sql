-- What can be booked at a center: a window item or a room service, in slots of a fixed length.
create table appointment_service (
    id            bigint generated always as identity primary key,
    center_id     bigint not null references center (id) on delete cascade,
    code          varchar(40) not null check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
    name_zh       varchar(60) not null,
    name_en       varchar(80) not null,
    kind          varchar(8) not null check (kind in ('WINDOW', 'ROOM')),
    space         varchar(40) not null default '',
    slot_minutes  int not null check (slot_minutes between 10 and 240),
    capacity      int not null check (capacity between 1 and 20),
    unique (center_id, code)
);

-- One row per slot that has ever been booked; "booked" can never pass "capacity" (checked by the
-- database, and the booking increments it with a conditional update).
create table appointment_slot (
    service_id bigint not null references appointment_service (id) on delete cascade,
    starts_at  timestamptz not null,
    capacity   int not null,
    booked     int not null default 0,
    primary key (service_id, starts_at),
    check (booked >= 0 and booked <= capacity)
);

create table appointment (
    id              bigint generated always as identity primary key,
    service_id      bigint not null references appointment_service (id) on delete cascade,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    account_id      bigint references account (id),
    walk_in_name    varchar(40),
    status          varchar(10) not null check (status in ('BOOKED', 'CANCELLED', 'WALK_IN')),
    created_at      timestamptz not null default now(),
    cancelled_at    timestamptz,
    reminded_at     timestamptz,
    check (status = 'WALK_IN' or account_id is not null)
);
-- one resident, one booking per slot
create unique index appointment_one_per_slot on appointment (service_id, starts_at, account_id) where status = 'BOOKED';
create index appointment_account_idx on appointment (account_id, starts_at);
create index appointment_day_idx on appointment (service_id, starts_at);
