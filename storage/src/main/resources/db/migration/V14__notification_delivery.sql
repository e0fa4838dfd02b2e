-- E-mail delivery from the outbox (docs/adr/0023): each message's kind, attempts, when it may next be tried, a lease
-- so that only one node sends it at a time, and the last failure; a message ends sent or given up, never both.
alter table notification_outbox
    add column kind            text,
    add column attempts        integer not null default 0,
    add column next_attempt_at timestamptz,
    add column claimed_until   timestamptz,
    add column last_failure    text,
    add column given_up_at     timestamptz;

-- Messages queued before there was any delivery were for a person to pick up by hand: they are not sent now, but
-- kept, marked as given up, with their one-time links (invitations, resets) erased: a link is a key.
update notification_outbox
   set kind = case when subject like 'Reset%' then 'PASSWORD_RESET' else 'ACCOUNT_INVITATION' end,
       next_attempt_at = created_at,
       given_up_at = case when sent_at is null then now() end,
       last_failure = case when sent_at is null then 'queued before e-mail delivery existed (V14): not sent' end,
       link = '',
       body = '';

alter table notification_outbox
    alter column kind set not null,
    alter column next_attempt_at set not null,
    add constraint notification_outbox_one_end check (sent_at is null or given_up_at is null),
    add constraint notification_outbox_attempts check (attempts >= 0);

create index notification_outbox_due on notification_outbox (next_attempt_at)
    where sent_at is null and given_up_at is null;

-- Notices that must go at most once (a reminder per item and kind): the key is written with the messages, in one
-- transaction, so that a second run or a second node queues nothing.
create table notice_once (
    once_key  text primary key,
    queued_at timestamptz not null
);
