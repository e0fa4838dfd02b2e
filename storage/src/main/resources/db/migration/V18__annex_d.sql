-- JTAI Annex D and the time after publication (issue 17, docs/adr/0026).

-- The views of the other parties' lead inspectors on a request to withhold or withdraw publication, recorded by the
-- originator before its decision; one per party and request. view_text null: no view was given by view_at.
create table withhold_request_view (
    request_id     text not null references withhold_request (id) on delete cascade,
    party          text not null
        check (party in ('OFSTED', 'CQC', 'HMIC', 'HMI_PROBATION', 'HMI_PRISONS', 'HMCPSI')),
    lead_inspector text not null,
    view_text      text,
    view_at        timestamptz not null,
    recorded_by    text not null,
    recorded_at    timestamptz not null,
    primary key (request_id, party)
);

-- The statement of proposed action a findings letter asks for (JTAI §96-99): the agency named to make it, and the
-- information request through which it uploads it (so that its documents are evidence of the inspection, under its
-- key scope, exported and removed with it). Due 70 working days after the letter's publication.
create table statement_of_proposed_action (
    inspection_id text primary key references inspection (id) on delete cascade,
    request_id    text not null unique references information_request (id) on delete cascade,
    agency_id     text not null references organisation (id),
    due_at        timestamptz not null,
    named_by      text not null,
    named_at      timestamptz not null
);

-- The lead inspector's review of each statement uploaded: accepted, or returned with comments.
create table statement_review (
    document_id   text primary key references evidence_document (id) on delete cascade,
    inspection_id text not null references inspection (id) on delete cascade,
    outcome       text not null check (outcome in ('ACCEPTED', 'RETURNED')),
    comments      text,
    reviewed_by   text not null,
    reviewed_at   timestamptz not null,
    constraint statement_review_returned_with_comments check (outcome = 'ACCEPTED' or comments is not null)
);

-- Challenges and complaints about a joint inspection (Annex D): raised within 10 working days of publication,
-- acknowledged within 5 working days of receipt and answered within 30.
create table inspection_challenge (
    id               text primary key,
    inspection_id    text not null references inspection (id) on delete cascade,
    kind             text not null check (kind in ('PROCESS_OR_OUTCOME', 'INSPECTOR_CONDUCT')),
    complainant      text not null,
    summary          text not null,
    received_at      timestamptz not null,
    acknowledge_by   timestamptz not null,
    respond_by       timestamptz not null,
    late             boolean not null,
    recorded_by      text not null,
    recorded_at      timestamptz not null,
    acknowledged_at  timestamptz,
    acknowledged_by  text,
    responded_at     timestamptz,
    responded_by     text,
    response_summary text,
    constraint inspection_challenge_acknowledged check ((acknowledged_at is null) = (acknowledged_by is null)),
    constraint inspection_challenge_responded check ((responded_at is null) = (responded_by is null)
        and (responded_at is null) = (response_summary is null))
);

create index inspection_challenge_inspection on inspection_challenge (inspection_id, received_at);
