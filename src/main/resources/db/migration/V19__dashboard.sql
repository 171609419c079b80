-- The dashboard module's own read tables, fed by the events other modules publish (and rebuilt by
-- replaying their histories): one row per center, day, metric and dimension, summed. dash_seen holds
-- the key of every event fact already counted, so a redelivered event changes nothing.
create table dash_fact (
    center_code varchar(40) not null,
    day         date        not null,
    metric      varchar(32) not null,
    dim         varchar(60) not null default '',
    value       bigint      not null,
    primary key (metric, center_code, day, dim)
);
create index dash_fact_day_idx on dash_fact (metric, day);

create table dash_seen (
    key varchar(100) primary key
);
