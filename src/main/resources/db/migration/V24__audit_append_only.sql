-- The audit log is append-only: no statement may change or remove an entry (Linli never deletes
-- one, so every entry is kept at least the six months the rules ask for, and readable by the auditor).
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_append_only();
