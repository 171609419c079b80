-- The official calendar: public holidays and adjusted working days (调休上班) per year.
create table calendar_year (
    year        int primary key check (year between 2000 and 2100),
    imported_at timestamptz not null default now(),
    source      varchar(120) not null
);
create table official_day (
    day  date primary key,
    kind varchar(8) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name varchar(40) not null
);

-- Opening hours: sessions per weekday (and one set for public holidays), per center and optionally
-- per space of the center (a study room may keep its own hours).
create table opening_rule (
    id        bigint generated always as identity primary key,
    center_id bigint not null references center (id) on delete cascade,
    space     varchar(40) not null default '',
    day_type  varchar(9) not null check (day_type in ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY',
                                                      'SATURDAY', 'SUNDAY', 'HOLIDAY')),
    session   varchar(12) not null check (session in ('REGULAR', 'LUNCHTIME', 'EVENING', 'WEEKEND', 'HOLIDAY_DUTY')),
    opens     time not null,
    closes    time not null,
    check (opens < closes)
);
create index opening_rule_center_idx on opening_rule (center_id, space);

-- One date differs from the rules: closed (training), or open with its own sessions (holiday duty).
create table opening_exception (
    id        bigint generated always as identity primary key,
    center_id bigint not null references center (id) on delete cascade,
    space     varchar(40) not null default '',
    day       date not null,
    session   varchar(12) check (session in ('REGULAR', 'LUNCHTIME', 'EVENING', 'WEEKEND', 'HOLIDAY_DUTY')),
    opens     time,
    closes    time,
    note      varchar(100),
    check ((session is null and opens is null and closes is null) or (session is not null and opens < closes))
);
create index opening_exception_idx on opening_exception (center_id, space, day);
