-- Issue 18: the SIRO's search of the audit trail (docs/adr/0033). Every criterion has an index; those that page
-- newest first carry seq, so a search walks one index backwards and stops after a page. Events recorded before
-- issue 18 name their report or inspection only as their resource, and a download's id only in the detail: the
-- search reads them through the same expressions as these indexes (storage.jdbc.JdbcAuditSearch).
-- Newest first is by the action's time, then seq: every index is (criterion, at, seq), so a date range walks its
-- index too. The indexes a search reads past other events through carry the scope's columns (include), so choosing
-- a deep page's events is an index-only scan that checks the scope without reading the table.
drop index if exists audit_event_actor;
create index audit_event_actor_at on audit_event (actor_id, at, seq)
    include (actor_organisation_id, information_owners);
create index audit_event_actor_organisation_at on audit_event (actor_organisation_id, at, seq)
    include (information_owners);
create index audit_event_owners on audit_event using gin (information_owners);
create index audit_event_report_at on audit_event
    ((coalesce(report_id, case when resource_type = 'REPORT' then resource_id end)), at, seq);
create index audit_event_inspection_at on audit_event
    ((coalesce(inspection_id, case when resource_type = 'INSPECTION' then resource_id end)), at, seq);
create index audit_event_action_at on audit_event (action, at, seq)
    include (actor_organisation_id, information_owners);
create index audit_event_outcome_at on audit_event (outcome, at, seq)
    include (actor_organisation_id, information_owners);
create index audit_event_download on audit_event
    ((coalesce(download_id, case when action in ('REPORT_DOWNLOAD', 'LETTER_DOWNLOAD')
        then substring(detail from 'downloadId=([0-9a-f]{32})') end)));
create index audit_event_at on audit_event (at, seq)
    include (actor_organisation_id, information_owners);
