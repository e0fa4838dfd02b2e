-- A report's status is no longer stored: it follows from its withdrawal and from its publication time compared with
-- the clock, so a scheduled end of embargo takes effect at its moment without a job having to run (ADR 0014).
alter table report drop column status;

alter table report
    add column published_url           text,
    add column published_at            timestamptz,
    add column publication_recorded_by text,
    add column publication_recorded_at timestamptz,
    add column withdrawal_reason       text,
    add column withdrawn_by            text,
    add column withdrawn_at            timestamptz,
    add constraint report_publication_whole check (
        (published_url is null) = (published_at is null)
        and (published_url is null) = (publication_recorded_by is null)
        and (published_url is null) = (publication_recorded_at is null)),
    add constraint report_withdrawal_whole check (
        (withdrawal_reason is null) = (withdrawn_by is null)
        and (withdrawal_reason is null) = (withdrawn_at is null));

-- Applications to withhold or withdraw publication (JTAI Annex D) and their decisions. Who recorded and decided is
-- kept as the account id without a foreign key: the record outlives a removed account.
create table withhold_request (
    id                         text primary key,
    report_id                  text not null references report (id) on delete cascade,
    kind                       text not null check (kind in ('WITHHOLD', 'WITHDRAW')),
    applicant                  text not null,
    exceptional_circumstances  text not null,
    complaint_reference        text,
    received_at                timestamptz not null,
    recorded_by                text not null,
    recorded_at                timestamptz not null,
    decision_outcome           text check (decision_outcome in ('GRANTED', 'REFUSED')),
    decision_reason            text,
    decided_by                 text,
    decided_at                 timestamptz,
    check ((decision_outcome is null) = (decision_reason is null)
        and (decision_outcome is null) = (decided_at is null))
);

create index withhold_request_report on withhold_request (report_id, recorded_at);

-- Onward sharing beyond the protocol's parties, with the basis that allows it.
create table onward_sharing (
    id               text primary key,
    report_id        text not null references report (id) on delete cascade,
    basis            text not null check (basis in ('PUBLIC_DOMAIN', 'LEGAL_OBLIGATION', 'WRITTEN_CONSENT')),
    recipient        text not null,
    evidence         text,
    requesting_party text not null,
    requested_by     text not null,
    requested_at     timestamptz not null,
    status           text not null
        check (status in ('RECORDED', 'CONSENT_REQUESTED', 'CONSENT_GRANTED', 'CONSENT_REFUSED')),
    decided_by       text,
    decided_at       timestamptz,
    decision_note    text
);

create index onward_sharing_report on onward_sharing (report_id, requested_at);
