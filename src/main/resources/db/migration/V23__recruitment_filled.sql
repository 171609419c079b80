-- When a recruitment's last place was first taken, so dashboards can say how fast recruitments fill.
-- Recruitments full before this column existed keep it empty: when they filled is not known.
alter table recruitment add column filled_at timestamptz;
