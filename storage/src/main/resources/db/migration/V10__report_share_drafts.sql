-- Reports being prepared through the share task list: the details typed so far, per owner (no file: that is
-- chosen at the last step and goes through the normal upload). Removed when shared or discarded.
create table report_share_draft (
    id         text primary key,
    owner_id   text not null references user_account (id) on delete cascade,
    updated_at timestamptz not null
);

create index report_share_draft_owner on report_share_draft (owner_id);

create table report_share_draft_field (
    draft_id text not null references report_share_draft (id) on delete cascade,
    name     text not null,
    value    text not null,
    primary key (draft_id, name)
);
