-- A SAML sign-in is finished only by the browser that started it (docs/adr/0017): each request keeps the SHA-256 of
-- the secret that browser holds in a cookie. Requests open during the upgrade have none and are answered by no one.
alter table saml_request add column browser_binding text not null default '';
alter table saml_request alter column browser_binding drop default;
