-- Which module's demo data is loaded (demo mode only; empty otherwise).
create table demo_dataset (
    name      varchar(60) primary key,
    loaded_at timestamptz not null default now()
);

-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0):
-- an event is stored in the transaction that publishes it and delivered to each listener afterwards.
create table event_publication (
    id                     uuid primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
