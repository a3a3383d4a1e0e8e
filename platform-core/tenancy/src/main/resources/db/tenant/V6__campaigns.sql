-- Campaigns (SPEC §3.2): a store's marketing campaign with its type, dates, budget and actual cost.
-- Leads name their campaign; the lead feature checks that it belongs to the lead's store.

-- The configurable list of campaign types, seeded with the manual's examples.
create table campaign_type (
    code     text primary key,
    label    text    not null,
    position int     not null,
    active   boolean not null default true
);
comment on table campaign_type is 'tenant-wide: the tenant''s own campaign configuration, the same for every store';

create table campaign (
    id          uuid primary key,
    store_id    uuid          not null,
    name        text          not null,
    type        text          not null,
    status      text          not null check (status in ('PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
    start_date  date          not null,
    end_date    date          not null,
    budget      numeric(16, 2) not null check (budget >= 0),
    actual_cost numeric(16, 2) not null check (actual_cost >= 0),
    description text,
    created_at  timestamptz   not null,
    created_by  uuid,
    updated_at  timestamptz   not null,
    updated_by  uuid,
    version     bigint        not null default 0,
    constraint campaign_ends_after_start check (end_date >= start_date)
);
create index campaign_by_store on campaign (store_id, start_date desc);

alter table campaign_type enable row level security;
alter table campaign_type force row level security;
create policy campaign_type_tenant_isolation on campaign_type
    using (in_tenant_scope())
    with check (in_tenant_scope());
select set_config('app.tenant', '${flyway:defaultSchema}', true);
insert into campaign_type (code, label, position) values
    ('EXHIBITION', 'Exhibition', 1), ('PROMOTION', 'Promotion', 2), ('REFERRAL', 'Referral', 3),
    ('ADVERTISEMENT', 'Advertisement', 4), ('WEBINAR', 'Webinar', 5), ('OTHER', 'Other', 6);

alter table campaign enable row level security;
alter table campaign force row level security;
create policy campaign_store_isolation on campaign
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

grant select, insert, update, delete on campaign_type, campaign to ${appRole};

alter table campaign_type replica identity full;
alter table campaign replica identity full;
alter publication storecrm_cdc add table campaign_type, campaign;
grant select on campaign_type, campaign to ${cdcRole};
