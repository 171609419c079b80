-- Volunteer points: a double-entry ledger. Every movement is a transaction whose entries (one per
-- account) sum to zero, checked by a deferred constraint trigger at commit; entries are never updated
-- or deleted (a trigger refuses it). An account's balance is cached on its row and changed only in the
-- transaction that adds its entry, under the row's lock; no account but the center's issuance account
-- may go below zero (a CHECK holds it).

create table points_rule (
    center_code            varchar(40) primary key references center (code),
    points_per_hour        int not null default 10 check (points_per_hour between 0 and 1000),
    weekend_bonus_percent  int not null default 0 check (weekend_bonus_percent between 0 and 200),
    evening_bonus_percent  int not null default 0 check (evening_bonus_percent between 0 and 200),
    expiry_months          int check (expiry_months between 1 and 120),
    updated_at             timestamptz not null default now()
);

create table merchant (
    id                  bigint generated always as identity primary key,
    code                varchar(40)  not null unique check (code ~ '^[a-z][a-z0-9-]{1,39}$'),
    center_code         varchar(40)  not null references center (code),
    name                varchar(100) not null check (length(trim(name)) > 0),
    kind                varchar(40),
    address             varchar(200),
    operator_account_id bigint       not null,
    active              boolean      not null default true
);

create table merchant_offer (
    id             bigint generated always as identity primary key,
    merchant_id    bigint       not null references merchant (id),
    code           varchar(40)  not null check (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    title          varchar(100) not null check (length(trim(title)) > 0),
    points         int          not null check (points between 1 and 100000),
    stock          int check (stock >= 0),            -- null: unlimited
    monthly_limit  int check (monthly_limit >= 1),    -- per volunteer and calendar month; null: none
    active         boolean      not null default true,
    unique (merchant_id, code)
);

create table points_account (
    id          bigint generated always as identity primary key,
    kind        varchar(12) not null check (kind in ('ISSUANCE', 'VOLUNTEER', 'MERCHANT', 'COURSES', 'EXPIRY')),
    owner_id    bigint,          -- the volunteer's account, the merchant; null for a center's own accounts
    center_code varchar(40),     -- issuance, courses and expiry accounts belong to a center
    balance     bigint not null default 0,
    check (kind = 'ISSUANCE' or balance >= 0),
    unique (kind, owner_id, center_code)
);
create unique index points_account_volunteer_idx on points_account (owner_id) where kind = 'VOLUNTEER';
create unique index points_account_merchant_idx on points_account (owner_id) where kind = 'MERCHANT';
create unique index points_account_center_idx on points_account (kind, center_code)
    where kind in ('ISSUANCE', 'COURSES', 'EXPIRY');

create table points_transaction (
    id         bigint generated always as identity primary key,
    kind       varchar(12)  not null check (kind in ('EARN', 'ADJUST', 'REDEEM', 'REVERSE', 'EXPIRE', 'COURSE',
                                                     'REFUND')),
    reference  varchar(160) not null unique,   -- what caused it: a redelivered cause cannot post twice
    memo       varchar(200),
    created_by bigint,
    created_at timestamptz  not null default now()
);

create table points_entry (
    id             bigint generated always as identity primary key,
    transaction_id bigint not null references points_transaction (id),
    account_id     bigint not null references points_account (id),
    amount         bigint not null check (amount <> 0),
    created_at     timestamptz not null default now()
);
create index points_entry_account_idx on points_entry (account_id, id desc);
create index points_entry_transaction_idx on points_entry (transaction_id);

create function points_entry_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'points entries are never changed or deleted';
end $$;
create trigger points_entry_no_update before update or delete on points_entry
    for each row execute function points_entry_immutable();
create trigger points_transaction_no_update before update or delete on points_transaction
    for each row execute function points_entry_immutable();

create function points_transaction_balanced() returns trigger language plpgsql as $$
begin
    if (select sum(amount) from points_entry where transaction_id = new.transaction_id) <> 0 then
        raise exception 'points transaction % does not balance', new.transaction_id;
    end if;
    return null;
end $$;
create constraint trigger points_entry_balanced after insert on points_entry
    deferrable initially deferred for each row execute function points_transaction_balanced();

-- The short-lived code a volunteer's QR shows at the counter: valid 2 minutes, for one redemption.
create table points_token (
    token       varchar(12) primary key,
    account_id  bigint      not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    created_at  timestamptz not null default now()
);
create index points_token_account_idx on points_token (account_id, created_at desc);

create table redemption (
    id                 bigint generated always as identity primary key,
    merchant_id        bigint      not null references merchant (id),
    offer_id           bigint      not null references merchant_offer (id),
    account_id         bigint      not null,     -- the volunteer's
    points             int         not null,
    transaction_id     bigint      not null references points_transaction (id),
    idempotency_key    varchar(64) not null,
    request_hash       varchar(64) not null,
    response           jsonb       not null,
    reversed_at        timestamptz,
    reversal_id        bigint references points_transaction (id),
    created_at         timestamptz not null default now(),
    unique (merchant_id, idempotency_key)
);
create index redemption_merchant_month_idx on redemption (merchant_id, created_at);
create index redemption_offer_account_idx on redemption (offer_id, account_id, created_at);

-- Community courses paid with points: an activity with a points price. Registering and paying are one
-- transaction; cancelling before the refund deadline gives the points back.
create table course_price (
    activity_id          bigint primary key references activity (id),
    center_code          varchar(40) not null references center (code),
    points               int not null check (points between 1 and 100000),
    refund_hours_before  int not null default 24 check (refund_hours_before between 0 and 720)
);

create table course_enrolment (
    id                    bigint generated always as identity primary key,
    activity_id           bigint      not null references activity (id),
    account_id            bigint      not null,
    points                int         not null,
    transaction_id        bigint      not null references points_transaction (id),
    refund_transaction_id bigint references points_transaction (id),
    status                varchar(10) not null default 'ENROLLED' check (status in ('ENROLLED', 'CANCELLED')),
    created_at            timestamptz not null default now(),
    cancelled_at          timestamptz
);
create unique index course_enrolment_live_idx on course_enrolment (activity_id, account_id) where status = 'ENROLLED';
