-- Store isolation enforced by the database: every operational table has store_id and a policy
-- that admits a row only when the current transaction is scoped to this tenant's schema and the
-- row's store (or all stores, for HQ and tenant administrators). The settings are SET LOCAL by the
-- application at the start of each transaction, so a forgotten filter or a connection used outside
-- a scoped transaction sees nothing.
create function in_store_scope(row_store uuid) returns boolean
    language sql stable
as $$
    select coalesce(current_setting('app.tenant', true), '') = '${flyway:defaultSchema}'
       and (coalesce(current_setting('app.all_stores', true), '') = 'on'
            or row_store = any (string_to_array(nullif(current_setting('app.store_ids', true), ''), ',')::uuid[]))
$$;

create table lead (
    id          uuid primary key,
    store_id    uuid        not null,
    name        text        not null,
    company     text,
    phone       text,
    email       text,
    source      text,
    campaign_id uuid,
    pool_id     uuid,
    status      text        not null,
    owner_id    uuid,
    created_at  timestamptz not null,
    created_by  uuid,
    updated_at  timestamptz not null,
    updated_by  uuid,
    version     bigint      not null default 0
);
create index lead_by_store_status on lead (store_id, status, created_at desc);
create index lead_by_owner on lead (owner_id);

alter table lead enable row level security;
alter table lead force row level security;
create policy lead_store_isolation on lead
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

grant usage on schema ${flyway:defaultSchema} to ${appRole};
grant select, insert, update, delete on lead to ${appRole};
