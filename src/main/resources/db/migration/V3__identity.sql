-- Accounts: residents sign in by phone and code, everyone else by username and password.
create table account (
    id                  bigint generated always as identity primary key,
    username            varchar(40) unique check (username ~ '^[a-z][a-z0-9._-]{2,39}$'),
    phone               varchar(11) unique check (phone ~ '^1[3-9][0-9]{9}$'),
    display_name        varchar(60) not null,
    password_hash       varchar(200),
    password_changed_at timestamptz,
    failed_logins       int not null default 0 check (failed_logins >= 0),
    locked_until        timestamptz,
    language            varchar(8) check (language in ('zh-CN', 'en')),
    elder_mode          boolean,
    created_at          timestamptz not null default now(),
    erased_at           timestamptz,
    check (username is not null or phone is not null or erased_at is not null),
    check (username is null or password_hash is not null)
);

-- (role, scope) pairs; the scope is a center of the district tree (a street or the district covers
-- everything under it). A merchant operator's role also names the merchant.
create table role_grant (
    id            bigint generated always as identity primary key,
    account_id    bigint      not null references account (id) on delete cascade,
    role          varchar(24) not null check (role in ('RESIDENT', 'VOLUNTEER', 'STAFF', 'CENTER_ADMIN', 'STREET_ADMIN',
                                                       'DISTRICT_ADMIN', 'AUDITOR', 'MERCHANT', 'PARTNER_COORDINATOR')),
    center_id     bigint      not null references center (id),
    merchant_code varchar(40),
    granted_at    timestamptz not null default now(),
    granted_by    bigint references account (id)
);
create unique index role_grant_unique on role_grant (account_id, role, center_id, coalesce(merchant_code, ''));
create index role_grant_center_idx on role_grant (center_id);

-- One-time sign-in codes. Only a hash of the code is kept. The limits (per phone, per client
-- address) are counted from these rows, so every instance sharing the database sees the same counts.
create table otp_code (
    id         bigint generated always as identity primary key,
    phone      varchar(11) not null,
    code_hash  varchar(64) not null,
    client_ip  varchar(45) not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    attempts   int not null default 0,
    used_at    timestamptz,
    voided_at  timestamptz
);
create index otp_code_phone_idx on otp_code (phone, created_at desc);
create index otp_code_ip_idx on otp_code (client_ip, created_at desc);

-- Refresh tokens (hashed). A family is one sign-in on one device: refreshing rotates the token
-- within the family; revoking the family signs the device out, access tokens included.
create table refresh_token (
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references account (id) on delete cascade,
    family_id   uuid        not null,
    token_hash  varchar(64) not null unique,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    replaced_at timestamptz,
    revoked_at  timestamptz
);
create index refresh_token_family_idx on refresh_token (family_id);

-- Spring Session JDBC (schema of spring-session-jdbc 4.0): web sessions live in the database so
-- several instances share them.
create table spring_session (
    primary_id            char(36) not null primary key,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval int      not null,
    expiry_time           bigint   not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null references spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);
