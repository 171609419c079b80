-- Applications for catalogue items: the case, its history, its materials (files on disk, content
-- addressed and encrypted; metadata here), and follow-ups of poor ratings.
create sequence application_number_seq;

create table application (
    id                  bigint generated always as identity primary key,
    number              varchar(24)  not null unique,
    center_code         varchar(40)  not null references center (code),
    item_code           varchar(40)  not null references catalog_item (code),
    item_name           varchar(120) not null,
    kind                varchar(16)  not null check (kind in ('GOVERNMENT', 'PROXY')),
    applicant_id        bigint       not null,
    registered_by       bigint,                 -- staff who registered it for the resident (帮办)
    consent_at          timestamptz,            -- the resident's recorded consent to 帮办
    channel             varchar(16)  not null check (channel in ('ONLINE', 'WINDOW', 'PHONE')),
    status              varchar(24)  not null check (status in ('SUBMITTED', 'ACCEPTED', 'SUPPLEMENT_REQUESTED',
                                                    'REFUSED', 'FORWARDED', 'COMPLETED', 'WITHDRAWN')),
    answers             jsonb        not null default '{}',
    form_sealed         text         not null,  -- the form's values, AES-GCM (they hold personal details)
    time_limit_value    int          not null,
    time_limit_unit     varchar(16)  not null,
    accepted_at         timestamptz,
    deadline            date,
    paused_since        timestamptz,
    paused_from         varchar(24),
    supplement_request  text,
    upstream_case_number varchar(60),
    upstream_contact    varchar(120),
    upstream_result     text,
    handover            varchar(16) check (handover in ('PICKUP', 'POST', 'HOME_DELIVERY')),
    completed_at        timestamptz,
    closed_at           timestamptz,
    rating              smallint check (rating between 1 and 5),
    rating_comment      varchar(500),
    rated_at            timestamptz,
    version             int          not null default 0,
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now()
);
create index application_center_status_idx on application (center_code, status);
create index application_applicant_idx on application (applicant_id);
create index application_deadline_idx on application (center_code, deadline) where deadline is not null;

create table application_event (
    id             bigint generated always as identity primary key,
    application_id bigint      not null references application (id),
    at             timestamptz not null default now(),
    actor_id       bigint,
    actor_kind     varchar(16) not null check (actor_kind in ('RESIDENT', 'STAFF', 'SYSTEM')),
    action         varchar(32) not null,
    from_status    varchar(24),
    to_status      varchar(24) not null,
    reason         text,        -- what the resident is told
    internal_note  text         -- staff only
);
create index application_event_application_idx on application_event (application_id, id);

create table stored_file (
    hash         varchar(64) primary key,   -- HMAC-SHA256 of the content: the same file is stored once
    size         bigint      not null,
    content_type varchar(40) not null,
    created_at   timestamptz not null default now()
);

create table application_material (
    id               bigint generated always as identity primary key,
    application_id   bigint       not null references application (id),
    file_hash        varchar(64)  not null,   -- stored_file.hash (no foreign key: purged files leave the row)
    name             varchar(100) not null,  -- which required material it is
    file_name_sealed text         not null,  -- the uploaded file's name, encrypted
    uploaded_by      bigint,
    uploaded_at      timestamptz  not null default now(),
    deleted_at       timestamptz
);
create index application_material_application_idx on application_material (application_id);
create index application_material_hash_idx on application_material (file_hash);

create table application_follow_up (
    id             bigint generated always as identity primary key,
    application_id bigint      not null unique references application (id),
    center_code    varchar(40) not null references center (code),
    status         varchar(8)  not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    note           text,
    closed_by      bigint,
    closed_at      timestamptz,
    created_at     timestamptz not null default now()
);
create index application_follow_up_center_idx on application_follow_up (center_code, status);
