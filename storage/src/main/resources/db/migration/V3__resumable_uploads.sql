-- Resumable uploads (docs/adr/0009): a file arriving in parts over many requests, encrypted part by part into an
-- object-store multipart upload, checked once assembled, then attached (the row is removed) or discarded.
create table resumable_upload (
    id                  text primary key,
    owner_user_id       text not null,
    owner_organisation  text,
    purpose             text not null,
    file_name           text not null,
    status              text not null check (status in ('RECEIVING', 'ASSEMBLED', 'READY')),
    media_type          text,
    plaintext_sha256    text,
    key_scope_kind      text not null,
    key_scope_id        text not null,
    object_key          text not null unique,
    parts_upload_id     text not null,
    wrapping_key_id     text not null,
    wrapped_data_key    bytea not null,
    envelope_header     bytea not null,
    length              bigint not null check (length > 0),
    part_size           integer not null check (part_size > 0),
    stored_bytes        bigint not null,
    created_at          timestamptz not null,
    expires_at          timestamptz not null
);
create index resumable_upload_expiry on resumable_upload (expires_at);

create table resumable_upload_part (
    upload_id   text not null references resumable_upload (id) on delete cascade,
    part_number integer not null check (part_number between 1 and 10000),
    tag         text not null,
    primary key (upload_id, part_number)
);
