-- Visits to customers (SPEC §3.6, the visit manual 3.4): planned and ad-hoc, checked in and out
-- with time and location, collected data, co-visitors; and the tenant's check-in rules.

create table visit (
    id                    uuid primary key,
    store_id              uuid             not null,
    account_id            uuid             not null references account,
    contact_id            uuid references contact,
    visitor_id            uuid             not null,
    co_visitor_ids        uuid[]           not null default '{}',
    kind                  text             not null check (kind in ('PLANNED', 'AD_HOC')),
    status                text             not null check (status in ('PLANNED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED')),
    planned_at            timestamptz,
    purpose               text,
    -- where the visitor must be; the customer's location when the visit was planned
    target_latitude       double precision,
    target_longitude      double precision,
    checked_in_at         timestamptz,
    check_in_latitude     double precision,
    check_in_longitude    double precision,
    check_in_distance_m   double precision,
    checked_out_at        timestamptz,
    check_out_latitude    double precision,
    check_out_longitude   double precision,
    check_out_distance_m  double precision,
    duration_seconds      bigint check (duration_seconds >= 0),
    collected_data        jsonb            not null default '{}'::jsonb,
    summary               text,
    cancel_reason         text,
    created_at            timestamptz      not null,
    created_by            uuid,
    updated_at            timestamptz      not null,
    updated_by            uuid,
    version               bigint           not null default 0,
    check (kind = 'AD_HOC' or planned_at is not null)
);
create index visit_by_account on visit (account_id, planned_at desc);
create index visit_by_store_visitor on visit (store_id, visitor_id, planned_at);
create index visit_by_checked_out on visit (store_id, checked_out_at);

create table visit_rule (
    id                         int primary key check (id = 1),
    check_in_tolerance_meters  int not null check (check_in_tolerance_meters between 1 and 100000),
    updated_at                 timestamptz not null,
    updated_by                 uuid
);
comment on table visit_rule is 'tenant-wide: the tenant''s check-in rules, the same for every store';

alter table visit enable row level security;
alter table visit force row level security;
create policy visit_store_isolation on visit
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table visit_rule enable row level security;
alter table visit_rule force row level security;
create policy visit_rule_tenant_isolation on visit_rule
    using (in_tenant_scope())
    with check (in_tenant_scope());
-- the policy binds the owner too (FORCE): the default rule is written inside this tenant's scope
select set_config('app.tenant', '${flyway:defaultSchema}', true);
insert into visit_rule (id, check_in_tolerance_meters, updated_at) values (1, 500, now());

grant select, insert, update, delete on visit to ${appRole};
grant select, update on visit_rule to ${appRole};

alter table visit replica identity full;
alter table visit_rule replica identity full;
alter publication storecrm_cdc add table visit, visit_rule;
grant select on visit, visit_rule to ${cdcRole};
