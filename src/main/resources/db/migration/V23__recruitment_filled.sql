-- When a recruitment's last place was first taken, so dashboards can say how fast recruitments fill.
alter table recruitment add column filled_at timestamptz;
update recruitment set filled_at = created_at where confirmed = needed;
