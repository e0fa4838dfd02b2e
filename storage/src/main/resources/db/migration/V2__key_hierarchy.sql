-- The key hierarchy (docs/adr/0006): one key-encryption key (KEK) per scope (a report with its letters, or a JTAI
-- inspection), wrapped by a master key held outside the database (BCFKS keystore); data keys are wrapped by their
-- scope's KEK. A destroyed KEK keeps a tombstone row (no key material) so the scope can never be used again.
create table key_encryption_key (
    kek_id           text primary key,
    scope_kind       text not null check (scope_kind in ('REPORT', 'INSPECTION')),
    scope_id         text not null,
    wrapped_kek      bytea,
    master_key_alias text,
    created_at       timestamptz not null,
    rewrapped_at     timestamptz,
    destroyed_at     timestamptz,
    constraint key_encryption_key_one_per_scope unique (scope_kind, scope_id),
    constraint key_encryption_key_live_or_tombstone check (
        (destroyed_at is null and wrapped_kek is not null and master_key_alias is not null)
        or (destroyed_at is not null and wrapped_kek is null and master_key_alias is null))
);

-- master-key rotation looks for live KEKs still wrapped under an older master key
create index key_encryption_key_master_alias on key_encryption_key (master_key_alias) where destroyed_at is null;

-- the key scope of a report's content; reports stored before V2 have their data key wrapped directly under the
-- master key (wrapping_key_id = the master key's alias) and count as their own scope
alter table report add column key_scope_kind text, add column key_scope_id text;
update report set key_scope_kind = 'REPORT', key_scope_id = id;
alter table report alter column key_scope_kind set not null, alter column key_scope_id set not null;
create index report_key_scope on report (key_scope_kind, key_scope_id);
