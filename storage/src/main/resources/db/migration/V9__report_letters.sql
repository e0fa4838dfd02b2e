-- Covering and advance letters of a report (issue 6, docs/adr/0015). A letter's content is stored encrypted under its
-- report's key scope (the key_scope_* columns must name the report), so removing the report destroys the one KEK its
-- letters are under too; the rows go with the report's (on delete cascade), after their objects. An advance letter
-- may be sent ahead of its report: report_id null, a key scope of its own, until linking moves it into the report's.
create table report_letter (
    id                               text primary key,
    report_id                        text references report (id) on delete cascade,
    originator                       text not null,
    kind                             text not null check (kind in ('COVERING', 'ADVANCE_RISK_OF_HARM')),
    addressed_to                     text[] not null check (cardinality(addressed_to) > 0),
    classification_tier              text not null check (classification_tier in ('OFFICIAL', 'OFFICIAL_SENSITIVE')),
    classification_descriptor        text,
    handling_instructions            text not null,
    service_provider_notified_first  boolean not null,
    risk_summary                     text,
    added_by                         text not null,
    added_at                         timestamptz not null,
    file_name                        text not null,
    media_type                       text not null,
    object_key                       text not null unique,
    wrapping_key_id                  text not null,
    wrapped_data_key                 bytea not null,
    plaintext_bytes                  bigint not null,
    stored_bytes                     bigint not null,
    plaintext_sha256                 text not null,
    key_scope_kind                   text not null check (key_scope_kind = 'REPORT'),
    key_scope_id                     text not null,
    constraint report_letter_in_report_scope check (report_id is null or key_scope_id = report_id),
    constraint report_letter_ahead_is_advance check (report_id is not null or kind = 'ADVANCE_RISK_OF_HARM'),
    -- the ISP's order: the service provider is told before the other parties, and the advance letter says why
    constraint report_letter_advance_confirmed check (kind <> 'ADVANCE_RISK_OF_HARM'
        or (service_provider_notified_first and risk_summary is not null))
);

create index report_letter_report on report_letter (report_id, added_at);
create index report_letter_ahead on report_letter (added_at) where report_id is null;
