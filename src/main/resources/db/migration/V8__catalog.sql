-- The service catalogue: the district's template items (and centers' local items), each center's
-- adoption of them, colloquial synonyms for search, and one revision counter that every edit bumps
-- so every instance knows when to rebuild its in-memory search index.
create table catalog_item (
    code         varchar(40)  primary key check (code ~ '^[A-Za-z0-9][A-Za-z0-9-]{1,39}$'),
    owner_center varchar(40)  references center (code),   -- null: the district template; else a local item
    name         varchar(120) not null check (length(trim(name)) > 0),
    category     varchar(40)  not null,
    default_kind varchar(16)  not null check (default_kind in ('GOVERNMENT', 'PROXY')),
    referral     boolean      not null default false,
    guide        jsonb        not null,
    published    boolean      not null default false,
    version      int          not null default 0,
    updated_at   timestamptz  not null default now(),
    updated_by   bigint
);
create index catalog_item_owner_idx on catalog_item (owner_center);

create table catalog_adoption (
    center_code   varchar(40)  not null references center (code),
    item_code     varchar(40)  not null references catalog_item (code),
    kind          varchar(16)  not null check (kind in ('GOVERNMENT', 'PROXY')),
    published     boolean      not null default false,
    window_name   varchar(100),
    phone         varchar(40),
    hours         varchar(200),
    staff_contact varchar(100),
    updated_at    timestamptz  not null default now(),
    primary key (center_code, item_code)
);
create index catalog_adoption_item_idx on catalog_adoption (item_code);

create table catalog_synonym (
    id          bigint generated always as identity primary key,
    colloquial  varchar(40)  not null check (length(trim(colloquial)) > 0),
    official    varchar(120) not null check (length(trim(official)) > 0),
    shipped     boolean      not null default false,
    created_by  bigint,
    created_at  timestamptz  not null default now(),
    deleted_at  timestamptz,   -- a tombstone: a shipped word staff deleted does not come back
    unique (colloquial, official)
);

create table catalog_revision (
    id       int    primary key check (id = 1),
    revision bigint not null
);
insert into catalog_revision (id, revision) values (1, 0);

-- Which shipped synonym files (by checksum) have been loaded, so a new release's additions arrive
-- while rows staff deleted stay deleted.
create table catalog_shipped_file (
    name      varchar(100) primary key,
    sha256    varchar(64)  not null,
    loaded_at timestamptz  not null default now()
);

-- Codes of centers' local items: L-0001, L-0002, …
create sequence catalog_local_item_seq;
