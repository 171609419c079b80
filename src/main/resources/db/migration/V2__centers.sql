-- The district tree: every node is a center (district, street, community).
create table center (
    id         bigint generated always as identity primary key,
    code       varchar(40)  not null unique check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
    name_zh    varchar(100) not null check (length(trim(name_zh)) > 0),
    name_en    varchar(150) not null check (length(trim(name_en)) > 0),
    level      varchar(16)  not null check (level in ('DISTRICT', 'STREET', 'COMMUNITY')),
    parent_id  bigint references center (id),
    address_zh varchar(200),
    address_en varchar(300),
    phone      varchar(20),
    created_at timestamptz  not null default now(),
    -- only the district has no parent
    check ((level = 'DISTRICT') = (parent_id is null))
);
create index center_parent_idx on center (parent_id);
