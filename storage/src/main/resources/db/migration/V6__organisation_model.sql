-- Local authority areas: where each agency belongs, and what a JTAI inspects.
create table local_authority_area (
    id   text primary key,
    name text not null
);

create unique index local_authority_area_name on local_authority_area (lower(name));

-- Agencies named their area by its name until now: each such name becomes an area, and the agency refers to its id.
insert into local_authority_area (id, name)
select distinct on (slug) slug, local_authority_area
from (select lower(regexp_replace(local_authority_area, '[^A-Za-z0-9]+', '-', 'g')) as slug, local_authority_area
      from organisation
      where local_authority_area is not null) as named
order by slug, local_authority_area;

update organisation
set local_authority_area = lower(regexp_replace(local_authority_area, '[^A-Za-z0-9]+', '-', 'g'))
where local_authority_area is not null;

alter table organisation
    add constraint organisation_area foreign key (local_authority_area) references local_authority_area (id),
    add constraint agency_has_area check (agency_type is null or local_authority_area is not null);

-- A deactivated person cannot sign in; their sessions end at their next request.
alter table user_account add column active boolean not null default true;

create index user_account_organisation on user_account (organisation_id);
create index team_organisation on team (organisation_id);
