-- The end of an inspection (issue 17): who closed it and when. Closing stops requests and uploads and starts the
-- export window, at whose end the inspection's data is removed (crypto-shredded) by the retention policy for JTAI data.
create table inspection_closure (
    inspection_id text primary key references inspection (id) on delete cascade,
    closed_by     text not null,
    closed_at     timestamptz not null
);
