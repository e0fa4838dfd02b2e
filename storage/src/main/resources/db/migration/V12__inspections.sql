-- Joint targeted area inspections (issue 16, docs/adr/0021): the inspection, its participants and their named lead
-- inspectors, the information requests each inspectorate makes to the agencies it inspects, and the evidence
-- documents agencies upload against them. Every document's content is stored encrypted under its inspection's key
-- scope (key_scope_* name the inspection), so that removing the inspection destroys one KEK for all of it.
create table inspection (
    id                      text primary key,
    local_authority_area_id text not null references local_authority_area (id),
    theme                   text not null,
    notified_on             date not null,
    lead_inspectorate       text not null check (lead_inspectorate = 'OFSTED'),
    status                  text not null check (status in ('OPEN', 'CLOSED')),
    opened_by               text not null,
    opened_at               timestamptz not null
);

create table inspection_participant (
    inspection_id  text not null references inspection (id) on delete cascade,
    inspectorate   text not null check (inspectorate in ('OFSTED', 'CQC', 'HMIC', 'HMI_PROBATION')),
    lead_inspector text references user_account (id),
    primary key (inspection_id, inspectorate)
);

create table information_request (
    id                   text primary key,
    inspection_id        text not null references inspection (id) on delete cascade,
    requested_by         text not null check (requested_by in ('OFSTED', 'CQC', 'HMIC', 'HMI_PROBATION')),
    agency_id            text not null references organisation (id),
    title                text not null,
    description          text not null,
    annex_a_items        text[] not null,
    beyond_annex_a       text,
    justification        text,
    due_at               timestamptz not null,
    requested_by_user_id text not null,
    requested_at         timestamptz not null,
    -- JTAI §17: nothing beyond Annex A without a recorded justification
    constraint information_request_justified check (beyond_annex_a is null or justification is not null),
    constraint information_request_participant foreign key (inspection_id, requested_by)
        references inspection_participant (inspection_id, inspectorate)
);

create index information_request_inspection on information_request (inspection_id, due_at);
create index information_request_agency on information_request (agency_id, due_at);

create table evidence_document (
    id                        text primary key,
    inspection_id             text not null references inspection (id) on delete cascade,
    request_id                text not null references information_request (id) on delete cascade,
    agency_id                 text not null references organisation (id),
    requested_by              text not null,
    classification_tier       text not null check (classification_tier in ('OFFICIAL', 'OFFICIAL_SENSITIVE')),
    classification_descriptor text,
    uploaded_by               text not null,
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
    constraint evidence_document_in_inspection_scope check (key_scope_id = inspection_id)
);

create index evidence_document_inspection on evidence_document (inspection_id, uploaded_at);
