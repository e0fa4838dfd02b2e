-- A SAML sign-in is finished only by the browser that started it (docs/adr/0017): each request keeps the SHA-256 of
-- the secret that browser holds in a cookie. Requests open during the upgrade have none and are answered by no one.
alter table saml_request add column browser_binding text not null default '';
alter table saml_request alter column browser_binding drop default;

-- Failed sign-ins per submitted name that is not an account with a local credential (docs/adr/0017), so that an
-- unknown username locks exactly like an account. The name is kept only as its SHA-256; rows are forgotten a day
-- after their last failure, so the table stays bounded by the attempts of one day.
create table sign_in_failure (
    name_key         text primary key,
    failed_attempts  integer not null check (failed_attempts > 0),
    last_failure_at  timestamptz not null
);
create index sign_in_failure_last on sign_in_failure (last_failure_at);
