-- Imports of registers staff already keep (xlsx): the file is kept with its preview until it is run;
-- a run imports all rows or none, and reports its progress here while it runs.
create table register_import (
    id          bigint generated always as identity primary key,
    center_code varchar(40)  not null references center (code),
    kind        varchar(20)  not null check (kind in ('HOME_CARE')),
    status      varchar(10)  not null check (status in ('INVALID', 'PREVIEWED', 'RUNNING', 'DONE', 'FAILED')),
    file_name   varchar(200) not null,
    content     bytea,
    total       int          not null default 0,
    done        int          not null default 0,
    errors      text,
    message     varchar(200),
    created_by  bigint       not null,
    created_at  timestamptz  not null default now(),
    finished_at timestamptz
);
create index register_import_center_idx on register_import (center_code, id);
