-- SAML sign-in (docs/adr/0010), shared by every node of a cluster: the authentication requests we sent, each answered
-- at most once (consumed with delete ... returning), and the assertion ids already used (first insert wins).
create table saml_request (
    id            text primary key,
    inspectorate  text not null,
    expires_at    timestamptz not null
);
create index saml_request_expiry on saml_request (expires_at);

create table saml_assertion_seen (
    assertion_id  text primary key,
    keep_until    timestamptz not null
);
create index saml_assertion_seen_expiry on saml_assertion_seen (keep_until);
