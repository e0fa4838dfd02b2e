-- A cluster of portal instances (docs/adr/0043).
--
-- Accepting an invitation is two steps (password, then authenticator). Between them the progress was kept in one
-- instance's HTTP session; it is now here, so that the second step may reach any instance. The browser holds 256
-- random bits in a cookie; only their SHA-256 is kept. The new TOTP secret is encrypted under the master key ring
-- (AES-GCM, the browser key's hash authenticated with it), like the secrets of local_credential: a copy of the
-- database alone does not reveal it. Rows live an hour at most (older ones are ignored and deleted).
create table enrolment_in_progress (
    browser_key_hash       text primary key,
    invitation_token_hash  text not null,
    password_hash          text not null,
    totp_secret_encrypted  bytea not null,
    totp_master_key_alias  text not null,
    started_at             timestamptz not null
);
create index enrolment_in_progress_started on enrolment_in_progress (started_at);

-- Each scheduled job runs once across the cluster: a run holds a PostgreSQL advisory lock for its job, and records
-- when it started here, so that another instance whose timer fires soon after skips its turn.
create table scheduled_job_run (
    job              text primary key,
    last_started_at  timestamptz not null,
    last_instance    text not null
);
