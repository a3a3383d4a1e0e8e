-- Related teams of customers and opportunities (SPEC §3.1): colleagues who read a record, or read
-- and work it, besides its owner. One table for both record types; leads keep lead_team_member.

create table record_team_member (
    record_id   uuid not null,
    user_id     uuid not null,
    record_type text not null check (record_type in ('ACCOUNT', 'OPPORTUNITY')),
    store_id    uuid not null,
    access      text not null check (access in ('READ', 'READ_WRITE')),
    primary key (record_id, user_id)
);
create index record_team_by_user on record_team_member (user_id, record_type);

alter table record_team_member enable row level security;
alter table record_team_member force row level security;
create policy record_team_member_store_isolation on record_team_member
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));
grant select, insert, delete on record_team_member to ${appRole};
alter table record_team_member replica identity full;
alter publication storecrm_cdc add table record_team_member;
grant select on record_team_member to ${cdcRole};
