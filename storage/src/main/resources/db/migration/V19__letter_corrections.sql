-- Report-side corrections the protocol asks for (issue 17, docs/adr/0027).

-- ISP ¶7: "In all cases, the party that identifies the concerns will notify the service provider ... before informing
-- the other parties": every letter records the confirmation, covering letters too. NOT VALID: covering letters added
-- before this rule existed keep their row as it was (they were sent without being asked); every new or changed row is
-- checked.
alter table report_letter add constraint report_letter_provider_notified_first
    check (service_provider_notified_first) not valid;

-- ISP ¶14: a receiving party shares a letter onward only on a recorded basis, as for a report (onward_sharing). Kept
-- with the letter: removed with it (a report's letters go with their report; a letter sent ahead with its removal),
-- and kept when a letter sent ahead is linked to its report (the letter keeps its id).
create table letter_onward_sharing (
    id               text primary key,
    letter_id        text not null references report_letter (id) on delete cascade,
    basis            text not null check (basis in ('LEGAL_OBLIGATION', 'WRITTEN_CONSENT')),
    recipient        text not null,
    evidence         text,
    requesting_party text not null,
    requested_by     text not null,
    requested_at     timestamptz not null,
    status           text not null
        check (status in ('RECORDED', 'CONSENT_REQUESTED', 'CONSENT_GRANTED', 'CONSENT_REFUSED')),
    decided_by       text,
    decided_at       timestamptz,
    decision_note    text,
    constraint letter_onward_sharing_legal_obligation_named check (basis <> 'LEGAL_OBLIGATION' or evidence is not null)
);

create index letter_onward_sharing_letter on letter_onward_sharing (letter_id, requested_at);
