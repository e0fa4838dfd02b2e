-- Retention configured by administrators (issue 17, docs/adr/0029). A category without a row has its documented
-- default (DefaultRetentionPolicies); each change is kept with its before and after, who made it, when and why.
create table retention_policy (
    category   text primary key,
    amount     integer not null check (amount >= 0),
    unit       text not null check (unit in ('WORKING_DAYS', 'CALENDAR_DAYS')),
    action     text not null check (action in ('REMOVE', 'REVIEW')),
    owner      text not null,
    changed_at timestamptz not null
);

create table retention_policy_change (
    seq                     bigserial primary key,
    category                text not null,
    before_amount           integer not null,
    before_unit             text not null,
    before_action           text not null,
    before_owner            text not null,
    after_amount            integer not null,
    after_unit              text not null,
    after_action            text not null,
    after_owner             text not null,
    changed_by              text not null,
    changed_by_organisation text,
    changed_at              timestamptz not null,
    reason                  text not null
);
create index retention_policy_change_category on retention_policy_change (category, seq desc);

-- Legal holds on an inspection or a report: at most one in force per target; a lifted hold stays, with who lifted
-- it, when and why, so that the record of holds is complete.
create table legal_hold (
    id                       bigserial primary key,
    target_kind              text not null check (target_kind in ('INSPECTION', 'REPORT')),
    target_id                text not null,
    since                    timestamptz not null,
    set_by                   text not null,
    set_by_organisation      text,
    reason                   text not null,
    lifted_at                timestamptz,
    lifted_by                text,
    lifted_by_organisation   text,
    lift_reason              text,
    constraint legal_hold_lifted_whole check ((lifted_at is null) = (lifted_by is null)
        and (lifted_at is null) = (lift_reason is null))
);
create unique index legal_hold_one_in_force on legal_hold (target_kind, target_id) where lifted_at is null;

-- Unused accounts are counted from their last sign-in, or from their creation: accounts that existed before V21
-- count from now.
alter table user_account add column created_at timestamptz not null default now();
