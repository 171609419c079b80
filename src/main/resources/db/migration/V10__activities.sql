-- Activities and registrations. The activity row holds the counts and the next waitlist number, and
-- every registration or cancellation locks it first: capacity can never be exceeded (a CHECK backs
-- the count) and the waitlist keeps arrival order, across any number of instances.
create table activity (
    id                     bigint generated always as identity primary key,
    center_code            varchar(40)  not null references center (code),
    title                  varchar(100) not null check (length(trim(title)) > 0),
    category               varchar(20)  not null check (category in ('CHILDREN', 'ELDERLY', 'FAMILY',
                                                        'CULTURE_SPORTS', 'TRAINING', 'LIVE_STREAM')),
    description            text,
    starts_at              timestamptz  not null,
    ends_at                timestamptz  not null,
    capacity               int          not null check (capacity between 1 and 10000),
    space_code             varchar(40),
    stream_url             varchar(300),
    registration_opens_at  timestamptz  not null,
    registration_closes_at timestamptz  not null,
    min_age                int check (min_age between 0 and 120),
    max_age                int check (max_age between 0 and 120),
    confirmed              int          not null default 0,
    waitlisted             int          not null default 0,
    next_waitlist_number   bigint       not null default 1,
    status                 varchar(12)  not null default 'PUBLISHED' check (status in ('PUBLISHED', 'CANCELLED')),
    created_by             bigint,
    created_at             timestamptz  not null default now(),
    check (ends_at > starts_at),
    check (registration_closes_at > registration_opens_at),
    check (confirmed between 0 and capacity),
    check (waitlisted >= 0)
);
create index activity_center_start_idx on activity (center_code, starts_at);
create index activity_start_idx on activity (starts_at);

create table activity_registration (
    id              bigint generated always as identity primary key,
    activity_id     bigint      not null references activity (id),
    account_id      bigint      not null,
    status          varchar(12) not null check (status in ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
    waitlist_number bigint,
    created_at      timestamptz not null default now(),
    confirmed_at    timestamptz,
    cancelled_at    timestamptz,
    checked_in_at   timestamptz,   -- attendance at the door: the person-times dashboards count
    checked_in_by   bigint,
    walk_in         boolean     not null default false,
    reminded_at     timestamptz    -- the day-before reminder was handed to the outbox
);
-- one live registration per person and activity
create unique index activity_registration_live_idx on activity_registration (activity_id, account_id)
    where status <> 'CANCELLED';
create index activity_registration_waitlist_idx on activity_registration (activity_id, waitlist_number)
    where status = 'WAITLISTED';
create index activity_registration_account_idx on activity_registration (account_id);

-- A center's spaces (rooms and areas), and bookings of the bookable ones. Activities held in a space
-- and bookings share one timeline per space: both lock the space's row before checking for overlaps.
create table space (
    id          bigint generated always as identity primary key,
    center_code varchar(40)  not null references center (code),
    code        varchar(40)  not null check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
    name        varchar(60)  not null check (length(trim(name)) > 0),
    type        varchar(24)  not null check (type in ('SERVICE_HALL', 'LEGAL_STATION', 'READING_ROOM',
                    'COUNSELLING_ROOM', 'STUDY_ROOM', 'CAFE', 'SCIENCE_CORNER', 'REHEARSAL_ROOM', 'MEETING_ROOM',
                    'ACTIVITY_ROOM', 'OTHER')),
    capacity    int          not null check (capacity between 1 and 2000),
    operator    varchar(100),            -- a partner organisation running it; null: the center itself
    bookable    boolean      not null default false,
    unique (center_code, code)
);

create table space_booking (
    id         bigint generated always as identity primary key,
    space_id   bigint       not null references space (id),
    group_name varchar(60)  not null,
    purpose    varchar(200),
    booked_by  bigint       not null,
    starts_at  timestamptz  not null,
    ends_at    timestamptz  not null,
    status     varchar(12)  not null default 'BOOKED' check (status in ('BOOKED', 'CANCELLED')),
    created_at timestamptz  not null default now(),
    check (ends_at > starts_at)
);
create index space_booking_space_idx on space_booking (space_id, starts_at) where status = 'BOOKED';

-- The study room: seat bookings (released when not used within 15 minutes of their start) and visits
-- (checked in and out at the door), from which live occupancy and daily visitors are counted.
create table seat_booking (
    id         bigint generated always as identity primary key,
    space_id   bigint      not null references space (id),
    account_id bigint      not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    status     varchar(12) not null default 'BOOKED' check (status in ('BOOKED', 'USED', 'RELEASED', 'CANCELLED')),
    created_at timestamptz not null default now(),
    check (ends_at > starts_at)
);
create index seat_booking_space_idx on seat_booking (space_id, starts_at);

create table space_visit (
    id              bigint generated always as identity primary key,
    space_id        bigint      not null references space (id),
    account_id      bigint      not null,
    checked_in_at   timestamptz not null default now(),
    checked_out_at  timestamptz,
    seat_booking_id bigint
);
create unique index space_visit_inside_idx on space_visit (space_id, account_id) where checked_out_at is null;
create index space_visit_day_idx on space_visit (space_id, checked_in_at);
