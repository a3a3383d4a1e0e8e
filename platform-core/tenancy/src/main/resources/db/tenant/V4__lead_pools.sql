-- Lead pools (SPEC §3.3, the lead pool chapter of the lead manual): pools of a store with
-- administrators and members, claimable or assign-only, a default assignee, a follow-up timeout
-- with a warning before the automatic return, claim limits per member, and the tenant's list of
-- return reasons.

create table lead_pool (
    id                      uuid primary key,
    store_id                uuid        not null,
    name                    text        not null,
    type                    text        not null check (type in ('CLAIMABLE', 'ASSIGN_ONLY')),
    region                  text,
    industry                text,
    default_assignee_id     uuid,
    follow_up_timeout_hours int check (follow_up_timeout_hours > 0),
    return_warning_hours    int check (return_warning_hours >= 0),
    auto_return             boolean     not null default true,
    -- leads a member may hold from the pool at once, and claim per day
    claim_limit             int check (claim_limit > 0),
    daily_claim_limit       int check (daily_claim_limit > 0),
    created_at              timestamptz not null,
    created_by              uuid,
    updated_at              timestamptz not null,
    updated_by              uuid,
    version                 bigint      not null default 0
);
create unique index lead_pool_unique_name on lead_pool (store_id, lower(name));

create table lead_pool_member (
    pool_id  uuid not null references lead_pool on delete cascade,
    user_id  uuid not null,
    store_id uuid not null,
    role     text not null check (role in ('ADMIN', 'MEMBER')),
    primary key (pool_id, user_id, role)
);
create index lead_pool_member_by_user on lead_pool_member (user_id);

-- One row per claim: the daily claim limit counts them. Claims of one member in one pool are
-- serialised by locking the member's lead_pool_member row, so the count cannot be outrun.
create table lead_pool_claim (
    id         uuid primary key,
    store_id   uuid        not null,
    pool_id    uuid        not null references lead_pool on delete cascade,
    user_id    uuid        not null,
    lead_id    uuid        not null,
    claimed_at timestamptz not null
);
create index lead_pool_claim_by_member on lead_pool_claim (pool_id, user_id, claimed_at);

-- A pool lead waiting for its first follow-up since it was claimed or assigned: the timeout job
-- warns (once) and then returns it. The row goes away with the first follow-up.
create table lead_pool_hold (
    lead_id    uuid primary key references lead on delete cascade,
    store_id   uuid        not null,
    -- no foreign key, like lead.pool_id: the pools feature checks a lead's pool, not the schema
    pool_id    uuid        not null,
    owner_id   uuid        not null,
    since      timestamptz not null,
    warned_at  timestamptz,
    overdue_at timestamptz
);
create index lead_pool_hold_by_pool on lead_pool_hold (pool_id, since);

create table lead_return_reason (
    code     text primary key,
    label    text not null,
    position int  not null
);
create table lead_return_rule (
    -- one row; an integer key because the capture snapshot cannot split on a boolean
    id               int primary key default 1 check (id = 1),
    reasons_required boolean not null
);
comment on table lead_return_reason is 'tenant-wide: the tenant''s list of return reasons, the same for every store';
comment on table lead_return_rule is 'tenant-wide: whether returning a lead needs a reason from the list, for every store';

alter table lead_pool enable row level security;
alter table lead_pool force row level security;
create policy lead_pool_store_isolation on lead_pool
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table lead_pool_member enable row level security;
alter table lead_pool_member force row level security;
create policy lead_pool_member_store_isolation on lead_pool_member
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table lead_pool_claim enable row level security;
alter table lead_pool_claim force row level security;
create policy lead_pool_claim_store_isolation on lead_pool_claim
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table lead_pool_hold enable row level security;
alter table lead_pool_hold force row level security;
create policy lead_pool_hold_store_isolation on lead_pool_hold
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table lead_return_reason enable row level security;
alter table lead_return_reason force row level security;
create policy lead_return_reason_tenant_isolation on lead_return_reason
    using (in_tenant_scope())
    with check (in_tenant_scope());

alter table lead_return_rule enable row level security;
alter table lead_return_rule force row level security;
create policy lead_return_rule_tenant_isolation on lead_return_rule
    using (in_tenant_scope())
    with check (in_tenant_scope());

-- the policy binds the owner too (FORCE): the seed rows are written inside this tenant's scope
select set_config('app.tenant', '${flyway:defaultSchema}', true);
insert into lead_return_rule (reasons_required) values (false);
insert into lead_return_reason (code, label, position) values
    ('UNREACHABLE', 'Unreachable', 1), ('NO_INTEREST', 'No interest', 2),
    ('OUT_OF_AREA', 'Outside my area', 3), ('OTHER', 'Other', 4);

grant select, insert, update, delete on lead_pool, lead_pool_member, lead_pool_hold, lead_return_reason,
    lead_return_rule to ${appRole};
-- claims are a log the daily limit counts: the application only adds to it
grant select, insert on lead_pool_claim to ${appRole};

alter table lead_pool replica identity full;
alter table lead_pool_member replica identity full;
alter table lead_pool_claim replica identity full;
alter table lead_pool_hold replica identity full;
alter table lead_return_reason replica identity full;
alter table lead_return_rule replica identity full;
alter publication storecrm_cdc add table lead_pool, lead_pool_member, lead_pool_claim, lead_pool_hold,
    lead_return_reason, lead_return_rule;
grant select on lead_pool, lead_pool_member, lead_pool_claim, lead_pool_hold, lead_return_reason,
    lead_return_rule to ${cdcRole};
