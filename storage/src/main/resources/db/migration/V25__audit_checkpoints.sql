-- Issue 18 (docs/adr/0031): signed checkpoints of the audit chain's head. The signature is over audit-verifier's
-- AuditChain.checkpointPayload(seq, head_hash, at, key_id) with the audit signing key, whose private half is in a
-- keystore outside the database; a second, write-once copy of each is in the object store. Append-only like
-- audit_event: the trigger refuses UPDATE, DELETE and TRUNCATE whoever asks (the owner can still drop the trigger:
-- the copy in the object store and the signature are what show that).
create table audit_checkpoint (
    seq       bigint primary key,
    head_hash bytea       not null,
    at        timestamptz not null,
    key_id    text        not null,
    signature bytea       not null
);

create function audit_checkpoint_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_checkpoint is append-only: % refused', tg_op using errcode = '42501';
end
$$;

create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_checkpoint_refuse_change();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_checkpoint_refuse_change();
