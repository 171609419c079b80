-- Activities, second part: family registration, weekly series, volunteer needs, and the needs that
-- activities answer (surveys and suggestions).
alter table activity
    add column family_registration boolean not null default false, -- a parent may register household members
    add column series_id          bigint,                          -- the first activity of a weekly series
    add column volunteers_needed  int     not null default 0 check (volunteers_needed between 0 and 500),
    add column suggestion_id      bigint,                          -- the suggestion this activity answers
    add column paid               boolean not null default false;  -- a course paid with points: only through points
create index activity_series_idx on activity (series_id) where series_id is not null;

-- A registration may be for a household member (a child, a parent who consented) rather than the
-- account holder: person_id names them; null means the account holder themself. Each takes a place.
alter table activity_registration add column person_id bigint;
-- the code a confirmed person's QR code carries, scanned by staff at the door
alter table activity_registration add column check_in_code varchar(16);
create unique index activity_registration_code_idx on activity_registration (check_in_code)
    where check_in_code is not null;
drop index activity_registration_live_idx;
create unique index activity_registration_live_idx on activity_registration (activity_id, account_id)
    where status <> 'CANCELLED' and person_id is null;
create unique index activity_registration_member_idx on activity_registration (activity_id, person_id)
    where status <> 'CANCELLED' and person_id is not null;
create index activity_registration_attended_idx on activity_registration (activity_id) where checked_in_at is not null;

-- 需求调研: a short survey of a center's residents; one answer per resident (enforced by a key).
create table survey (
    id          bigint generated always as identity primary key,
    center_code varchar(40)  not null references center (code),
    title       varchar(100) not null check (length(trim(title)) > 0),
    intro       varchar(500),
    status      varchar(10)  not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
    created_by  bigint,
    created_at  timestamptz  not null default now(),
    closes_at   timestamptz
);
create index survey_center_idx on survey (center_code, created_at desc);

create table survey_question (
    id        bigint generated always as identity primary key,
    survey_id bigint       not null references survey (id),
    position  int          not null check (position between 1 and 20),
    kind      varchar(8)   not null check (kind in ('SINGLE', 'MULTIPLE', 'TEXT')),
    text      varchar(200) not null check (length(trim(text)) > 0),
    options   jsonb        not null default '[]',
    unique (survey_id, position)
);

create table survey_response (
    id          bigint generated always as identity primary key,
    survey_id   bigint      not null references survey (id),
    account_id  bigint      not null,
    answers     jsonb       not null,   -- {"<position>": [option index…] | "free text"}
    answered_at timestamptz not null default now(),
    unique (survey_id, account_id)
);

-- Residents suggest activities; staff adopt one by publishing the activity that answers it.
create table activity_suggestion (
    id          bigint generated always as identity primary key,
    center_code varchar(40)  not null references center (code),
    account_id  bigint       not null,
    title       varchar(100) not null check (length(trim(title)) > 0),
    detail      varchar(1000),
    category    varchar(20)  check (category in ('CHILDREN', 'ELDERLY', 'FAMILY', 'CULTURE_SPORTS', 'TRAINING',
                                                 'LIVE_STREAM')),
    status      varchar(10)  not null default 'NEW' check (status in ('NEW', 'ADOPTED', 'DECLINED')),
    activity_id bigint references activity (id),
    created_at  timestamptz  not null default now()
);
create index activity_suggestion_center_idx on activity_suggestion (center_code, created_at desc);
