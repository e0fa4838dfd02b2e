-- Termly inspection-plan lists (ISP "Sharing other information"): each term each inspectorate shares the local
-- authority areas it plans to inspect. Sharing again for a term adds the next version; no version is changed or
-- removed, so what the other inspectorates saw stays reviewable. Always OFFICIAL-SENSITIVE.
create table term_plan (
    id                  text primary key,
    inspectorate        text not null,
    academic_year       integer not null,
    term                text not null check (term in ('AUTUMN', 'SPRING', 'SUMMER')),
    version             integer not null check (version >= 1),
    classification_tier text not null check (classification_tier = 'OFFICIAL_SENSITIVE'),
    shared_by           text not null references user_account (id),
    shared_at           timestamptz not null,
    constraint term_plan_one_version unique (inspectorate, academic_year, term, version)
);

-- The areas of one version, in the order they were given, each once and each an area the portal knows.
create table term_plan_area (
    term_plan_id text not null references term_plan (id) on delete cascade,
    position     integer not null,
    area_id      text not null references local_authority_area (id),
    primary key (term_plan_id, position),
    constraint term_plan_area_once unique (term_plan_id, area_id)
);
