-- Issue 18, the SIRO's chart of access over time (docs/adr/0035): a report's or an inspection's events, counted per
-- period, are found by the report or inspection and their time without reading the rest of the trail.
create index audit_event_report_at on audit_event (report_id, at) where report_id is not null;
create index audit_event_inspection_at on audit_event (inspection_id, at) where inspection_id is not null;
