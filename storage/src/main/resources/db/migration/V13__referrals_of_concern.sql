-- Referrals of concern (JTAI §74, Annex C; docs/adr/0022): an inspector refers a concern about a child back to an agency
-- of the inspected area. Case numbers are identifiers only (checked by the service: never names). The steps follow in
-- one order (response, evaluation, chief officer's sign-off, lead inspector's sign-off); a step is never changed once
-- taken, and no step is taken without the ones before it (the checks below). Each step keeps who took it, by id and by
-- the name they had then (the form is signed by people), and when.
create table referral (
    id                        text primary key,
    inspection_id             text not null references inspection (id) on delete cascade,
    agency_id                 text not null references organisation (id),
    case_numbers              text[] not null check (cardinality(case_numbers) between 1 and 20),
    category                  smallint not null check (category in (1, 2)),
    issues                    text not null check (length(issues) between 1 and 10000),
    response_required_by      timestamptz not null,
    referred_by               text not null references user_account (id),
    referred_by_name          text not null,
    referred_at               timestamptz not null,
    response                  text check (length(response) between 1 and 10000),
    responded_by              text references user_account (id),
    responded_by_name         text,
    responded_at              timestamptz,
    evaluation                text check (length(evaluation) between 1 and 10000),
    evaluated_by              text references user_account (id),
    evaluated_by_name         text,
    evaluated_at              timestamptz,
    chief_officer_signed_by   text references user_account (id),
    chief_officer_signed_name text,
    chief_officer_signed_at   timestamptz,
    lead_inspector_signed_by  text references user_account (id),
    lead_inspector_signed_name text,
    lead_inspector_signed_at  timestamptz,
    constraint referral_response_whole check ((response is null) = (responded_by is null)
        and (responded_by is null) = (responded_at is null) and (responded_by is null) = (responded_by_name is null)),
    constraint referral_evaluation_whole check ((evaluation is null) = (evaluated_by is null)
        and (evaluated_by is null) = (evaluated_at is null) and (evaluated_by is null) = (evaluated_by_name is null)),
    constraint referral_chief_officer_whole check ((chief_officer_signed_by is null) = (chief_officer_signed_at is null)
        and (chief_officer_signed_by is null) = (chief_officer_signed_name is null)),
    constraint referral_lead_inspector_whole check ((lead_inspector_signed_by is null) = (lead_inspector_signed_at is null)
        and (lead_inspector_signed_by is null) = (lead_inspector_signed_name is null)),
    constraint referral_steps_in_order check (
        (evaluated_by is null or responded_by is not null)
        and (chief_officer_signed_by is null or evaluated_by is not null)
        and (lead_inspector_signed_by is null or chief_officer_signed_by is not null))
);

create index referral_inspection on referral (inspection_id, referred_at);
create index referral_agency on referral (agency_id, referred_at);
