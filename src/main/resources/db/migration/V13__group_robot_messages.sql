-- Messages to WeCom group robots (a team's group chat), delivered through this outbox: claimed with a
-- lease, posted, and marked sent only when the robot answers errcode 0; otherwise retried with a
-- doubling wait. One row per (source, webhook): a redelivered event cannot post twice.
create table group_robot_message (
    id          uuid primary key,
    source_id   varchar(80)   not null,
    webhook_url varchar(300)  not null,
    body        jsonb         not null,
    created_at  timestamptz   not null default now(),
    due_at      timestamptz,
    sent_at     timestamptz,
    attempts    int           not null default 0,
    last_error  varchar(300),
    unique (source_id, webhook_url)
);
create index group_robot_message_due_idx on group_robot_message (due_at) where sent_at is null and due_at is not null;
