-- Automatic, provable removal (issue 17, docs/adr/0030). One row per removal of a retention target (an inspection, a
-- report's content, a letter sent ahead), with the step it reached, so that a rerun after a failure or a kill -9
-- carries on from there. The row outlives what it removed; it holds counts, never content, names or titles.
create table removal (
    id                text primary key,
    category          text not null,
    target_kind       text not null,
    target_id         text not null,
    description       text not null,
    due_at            timestamptz not null,
    hold_kind         text,
    hold_id           text,
    step              text not null check (step in ('STARTED', 'KEK_DESTROYED', 'OBJECTS_DELETED', 'ROWS_DELETED',
                                                     'CERTIFIED')),
    failed            boolean not null default false,
    failed_step       text,
    failure_class     text,
    attempts          integer not null default 1 check (attempts >= 1),
    removed_by        text not null,
    started_at        timestamptz not null,
    updated_at        timestamptz not null,
    completed_at      timestamptz,
    kek_destroyed_at  timestamptz,
    objects           integer,
    plaintext_bytes   bigint,
    stored_bytes      bigint,
    policy_amount     integer not null,
    policy_unit       text not null,
    closed_at         timestamptz,
    lead_inspectorate text,
    participants      text[] not null default '{}',
    constraint removal_one_per_target unique (category, target_kind, target_id),
    constraint removal_failure_whole check (failed = (failed_step is not null) and failed = (failure_class is not null)),
    constraint removal_completed_not_failed check (completed_at is null or not failed)
);

-- What an inspection's removal took, taken once its KEK is gone (nothing can be added from then on) and before its
-- objects and rows go: documents and bytes per request (with the agency and requesting inspectorate), and the exports
-- each inspectorate made beforehand. The certificate is built from these.
create table removal_tally (
    removal_id      text not null references removal (id),
    agency_id       text not null,
    agency_name     text not null,
    request_id      text not null,
    requested_by    text not null,
    documents       integer not null,
    plaintext_bytes bigint not null,
    stored_bytes    bigint not null,
    primary key (removal_id, request_id)
);

create table removal_export (
    removal_id   text not null references removal (id),
    export_id    text not null,
    inspectorate text not null,
    exported_by  text not null,
    exported_at  timestamptz not null,
    documents    integer not null,
    bytes        bigint not null,
    sha256       text,
    primary key (removal_id, export_id)
);

-- The signed removal certificate of an inspection: the canonical bytes signed and the Ed25519 signature, with the
-- participating inspectorates (whose SIROs and administrators may download it). One per removal.
create table removal_certificate (
    id                text primary key,
    removal_id        text not null unique references removal (id),
    target_id         text not null,
    issued_at         timestamptz not null,
    participants      text[] not null,
    canonical         bytea not null,
    signature         bytea not null,
    signing_key_id    text not null
);

create index removal_certificate_issued on removal_certificate (issued_at desc);
