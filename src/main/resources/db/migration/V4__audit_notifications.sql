-- The audit log: sign-ins, lockouts, role changes, looks at full records. Append-only; kept at
-- least 180 days (nothing in Linli deletes from it).
create table audit_event (
    id          bigint generated always as identity primary key,
    at          timestamptz  not null default now(),
    actor_id    bigint,
    actor_label varchar(80),
    action      varchar(40)  not null,
    subject     varchar(120),
    center_id   bigint references center (id),
    client_ip   varchar(45),
    detail      varchar(500)
);
create index audit_event_at_idx on audit_event (at desc);
create index audit_event_center_idx on audit_event (center_id, at desc);

-- Texts the development SMS gateway "sent" (the demo shows them; no real SMS leaves the machine).
create table sms_message (
    id       bigint generated always as identity primary key,
    to_phone varchar(11)  not null,
    text     varchar(500) not null,
    sent_at  timestamptz  not null default now(),
    -- the notification a text belongs to: a resend of the same message is ignored
    message_id varchar(80) unique
);
create index sms_message_to_idx on sms_message (to_phone, sent_at desc);
