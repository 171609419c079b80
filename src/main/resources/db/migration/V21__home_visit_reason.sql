-- The register entry's reason as it was when the visit was done, so the dashboard's live count and a
-- rebuild agree even after the entry's reason changes.
alter table home_visit add column reason varchar(20);

-- when a register import's run began (a run cut off by a restart is recognised by its age)
alter table register_import add column started_at timestamptz;
