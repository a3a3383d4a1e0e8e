-- Lead conversion (SPEC §3.2, the lead manual 4.4): the tenant's duplicate rules and one record
-- per converted lead naming what it became.

create table conversion_rule (
    id                               int primary key check (id = 1),
    account_duplicate_check          boolean not null,
    contact_duplicate_check          boolean not null,
    unique_opportunity_name_per_account boolean not null,
    updated_at                       timestamptz not null,
    updated_by                       uuid
);
comment on table conversion_rule is 'tenant-wide: the tenant''s duplicate rules for conversion, the same for every store';

create table lead_conversion (
    lead_id         uuid primary key references lead,
    store_id        uuid        not null,
    account_id      uuid        not null references account,
    account_linked  boolean     not null,
    contact_id      uuid references contact,
    opportunity_id  uuid references opportunity,
    activities_copied int       not null default 0,
    converted_by    uuid        not null,
    converted_at    timestamptz not null
);
create index lead_conversion_by_account on lead_conversion (account_id);

alter table conversion_rule enable row level security;
alter table conversion_rule force row level security;
create policy conversion_rule_tenant_isolation on conversion_rule
    using (in_tenant_scope())
    with check (in_tenant_scope());
select set_config('app.tenant', '${flyway:defaultSchema}', true);
insert into conversion_rule (id, account_duplicate_check, contact_duplicate_check, unique_opportunity_name_per_account,
                             updated_at)
values (1, true, true, true, now());

alter table lead_conversion enable row level security;
alter table lead_conversion force row level security;
create policy lead_conversion_store_isolation on lead_conversion
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

grant select, update on conversion_rule to ${appRole};
-- a conversion is final: the record is written once
grant select, insert on lead_conversion to ${appRole};

alter table conversion_rule replica identity full;
alter table lead_conversion replica identity full;
alter publication storecrm_cdc add table conversion_rule, lead_conversion;
grant select on conversion_rule, lead_conversion to ${cdcRole};
