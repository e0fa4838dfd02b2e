-- JTAI findings letters (issue 17; docs/adr/0025). Before issue: the lead inspector's versions of the letter and the
-- partnership's comments (kept under the inspection's key scope, so that the inspection's removal takes them), each
-- participating inspectorate's sign-off of a version, and the one factual accuracy check by the DCS. At issue the
-- agreed version becomes an embargoed report (its own key scope) whose named agency recipients may read it.
create table findings_letter_document (
    id                        text primary key,
    inspection_id             text not null references inspection (id) on delete cascade,
    kind                      text not null check (kind in ('LETTER', 'COMMENTS')),
    version                   integer not null,
    classification_tier       text not null check (classification_tier in ('OFFICIAL', 'OFFICIAL_SENSITIVE')),
    classification_descriptor text,
    uploaded_by               text not null,
    uploaded_by_name          text not null,
    uploaded_at               timestamptz not null,
    file_name                 text not null,
    media_type                text not null,
    object_key                text not null unique,
    wrapping_key_id           text not null,
    wrapped_data_key          bytea not null,
    plaintext_bytes           bigint not null,
    stored_bytes              bigint not null,
    plaintext_sha256          text not null,
    key_scope_kind            text not null check (key_scope_kind = 'INSPECTION'),
    key_scope_id              text not null,
    constraint findings_letter_document_in_inspection_scope check (key_scope_id = inspection_id),
    constraint findings_letter_document_version check ((kind = 'LETTER') = (version > 0)),
    -- one row per version, and one set of comments (version 0)
    constraint findings_letter_document_once unique (inspection_id, kind, version)
);

create table findings_letter_sign_off (
    inspection_id   text not null references inspection (id) on delete cascade,
    version         integer not null check (version > 0),
    inspectorate    text not null,
    signed_by       text not null,
    signed_by_name  text not null,
    signed_at       timestamptz not null,
    primary key (inspection_id, version, inspectorate)
);

create table findings_letter_accuracy_check (
    inspection_id text primary key references inspection (id) on delete cascade,
    version       integer not null check (version > 0),
    dcs_user_id   text not null,
    dcs_agency_id text not null,
    sent_by       text not null,
    sent_at       timestamptz not null,
    due_at        timestamptz not null
);

-- No reference to the report: the issued report has its own retention, and outlives the inspection's rows.
create table findings_letter_issue (
    inspection_id text primary key references inspection (id) on delete cascade,
    report_id     text not null unique,
    version       integer not null check (version > 0),
    chair_user_id text,
    issued_by     text not null,
    issued_at     timestamptz not null
);

-- The agency staff a report is issued to by name (only a findings letter has any): removed with the report.
create table report_agency_recipient (
    report_id text not null references report (id) on delete cascade,
    user_id   text not null references user_account (id),
    primary key (report_id, user_id)
);
