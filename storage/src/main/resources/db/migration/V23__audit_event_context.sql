-- Issue 18: what an audit event carries besides the essentials (docs/adr/0031): the actor's roles, the report and
-- inspection the resource belongs to, the organisations whose information it is (a SIRO's scope), the stamped copy's
-- download id, where the request came from; and the chain version its hash follows (1: the fields hashed in line;
-- 2: a content digest linked into the chain, audit-verifier's AuditChain).
alter table audit_event
    add column actor_roles        text,
    add column report_id          text,
    add column inspection_id      text,
    add column information_owners text[] not null default '{}',
    add column download_id        text,
    add column client_address     text,
    add column user_agent         text,
    add column chain_version      smallint not null default 1,
    add column content_digest     bytea;
