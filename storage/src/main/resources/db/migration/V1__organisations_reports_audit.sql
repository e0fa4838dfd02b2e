-- Organisations: an inspectorate or a local agency (never both).
create table organisation (
    id                   text primary key,
    name                 text not null,
    inspectorate         text,
    agency_type          text,
    local_authority_area text,
    constraint organisation_is_inspectorate_or_agency check ((inspectorate is null) <> (agency_type is null))
);

create table team (
    id              text primary key,
    organisation_id text not null references organisation (id),
    name            text not null,
    on_reader_list  boolean not null
);

create table user_account (
    id              text primary key,
    username        text not null unique,
    display_name    text not null,
    organisation_id text not null references organisation (id),
    roles           text[] not null,
    password_hash   text
);

create table team_membership (
    user_id text not null references user_account (id) on delete cascade,
    team_id text not null references team (id) on delete cascade,
    primary key (user_id, team_id)
);

-- A pre-publication report; its content lives encrypted in the object store under an opaque key, and the data key
-- that decrypts it is held here only in wrapped form.
create table report (
    id                              text primary key,
    title                           text not null,
    report_type                     text not null,
    subject                         text not null,
    classification_tier             text not null check (classification_tier in ('OFFICIAL', 'OFFICIAL_SENSITIVE')),
    classification_descriptor       text,
    handling_instructions           text not null,
    subject_had_chance_to_comment   boolean not null check (subject_had_chance_to_comment),
    content_final                   boolean not null check (content_final),
    subject_has_final_under_embargo boolean not null check (subject_has_final_under_embargo),
    originator                      text not null,
    addressees                      text[] not null,
    status                          text not null,
    expected_publication            timestamptz,
    shared_by                       text not null references user_account (id),
    shared_at                       timestamptz not null,
    file_name                       text not null,
    media_type                      text not null,
    object_key                      text not null unique,
    wrapping_key_id                 text not null,
    wrapped_data_key                bytea not null,
    plaintext_bytes                 bigint not null,
    stored_bytes                    bigint not null,
    plaintext_sha256                text not null
);

create index report_shared_at on report (shared_at desc);

-- The audit trail: append-only, each row chained to the one before by a SHA-256 hash.
create table audit_event (
    seq                   bigserial primary key,
    at                    timestamptz not null,
    actor_id              text,
    actor_organisation_id text,
    action                text not null,
    resource_type         text,
    resource_id           text,
    outcome               text not null,
    detail                text,
    previous_hash         bytea,
    hash                  bytea not null
);

create index audit_event_resource on audit_event (resource_type, resource_id);
create index audit_event_actor on audit_event (actor_id);
