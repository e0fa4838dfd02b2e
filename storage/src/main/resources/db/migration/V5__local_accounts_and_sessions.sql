-- Local accounts (agency staff; every demo user in demo mode): password hash, TOTP secret encrypted under the
-- current master key (AES-GCM via the BCFKS keystore, bound to the user id), the last TOTP step accepted (replay
-- check), recovery-code hashes, and the sign-in failure count that drives the lock-out on every node.
create table local_credential (
    user_id                text primary key references user_account (id) on delete cascade,
    email                  text,
    password_hash          text not null,
    totp_secret_encrypted  bytea,
    totp_master_key_alias  text,
    last_totp_step         bigint not null default -1,
    recovery_code_hashes   text[] not null default '{}',
    failed_attempts        integer not null default 0,
    last_failure_at        timestamptz,
    constraint local_credential_secret_with_alias check ((totp_secret_encrypted is null) = (totp_master_key_alias is null)),
    constraint local_credential_failures_with_time check ((failed_attempts = 0) = (last_failure_at is null))
);

-- passwords kept before V5 move here (they have no authenticator yet, so they cannot sign in until one is set)
insert into local_credential (user_id, password_hash)
select id, password_hash from user_account where password_hash is not null;

-- Signed-in sessions, shared by every node; the session id itself is never stored, only its SHA-256.
create table portal_session (
    id_hash      text primary key,
    user_id      text not null references user_account (id) on delete cascade,
    created_at   timestamptz not null,
    last_seen_at timestamptz not null
);
create index portal_session_user on portal_session (user_id);

create table invitation (
    id              text primary key,
    token_hash      text not null unique,
    display_name    text not null,
    email           text not null,
    organisation_id text not null references organisation (id),
    roles           text[] not null,
    invited_by      text not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    accepted_at     timestamptz
);
create index invitation_pending on invitation (organisation_id) where accepted_at is null;

create table password_reset (
    token_hash text primary key,
    user_id    text not null references user_account (id) on delete cascade,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);

-- There is no mail server: messages with links wait here for whatever delivers them (see README, Agency accounts).
create table notification_outbox (
    seq        bigserial primary key,
    created_at timestamptz not null,
    recipient  text not null,
    subject    text not null,
    body       text not null,
    link       text not null,
    sent_at    timestamptz
);
