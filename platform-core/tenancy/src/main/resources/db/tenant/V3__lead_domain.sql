-- The lead domain (SPEC §3.2): every lead field, tenant-defined custom fields, the related team,
-- the status history, sales activities with follow-ups, and duplicate protection per store.

-- Tenant configuration (not a store's record): visible to every transaction of this tenant.
create function in_tenant_scope() returns boolean
    language sql stable
as $$
    select coalesce(current_setting('app.tenant', true), '') = '${flyway:defaultSchema}'
$$;

alter table lead
    add column chat_id               text,
    add column region                text,
    add column industry              text,
    add column custom_fields         jsonb not null default '{}'::jsonb,
    add column discarded_from        text,
    add column next_follow_up_on     date,
    add column follow_up_activity_id uuid,
    add column last_activity_at      timestamptz,
    -- duplicate keys: the same phone however it is typed, the same address in any case
    add column phone_key             text generated always as (nullif(regexp_replace(phone, '[^0-9]', '', 'g'), '')) stored,
    add column email_key             text generated always as (nullif(lower(btrim(email)), '')) stored;

-- One live (not discarded) lead per phone number and per email address in a store. The index, not
-- a check before the insert, decides: two concurrent creations cannot both pass it.
create unique index lead_unique_phone on lead (store_id, phone_key) where phone_key is not null and status <> 'DISCARDED';
create unique index lead_unique_email on lead (store_id, email_key) where email_key is not null and status <> 'DISCARDED';
create index lead_by_owner_follow_up on lead (owner_id, status, next_follow_up_on);
create index lead_custom_fields on lead using gin (custom_fields jsonb_path_ops);

create table lead_field (
    id         uuid primary key,
    key        text        not null unique,
    label      text        not null,
    type       text        not null check (type in ('TEXT', 'NUMBER', 'DATE', 'SINGLE_CHOICE')),
    options    text[]      not null default '{}',
    required   boolean     not null default false,
    created_at timestamptz not null,
    created_by uuid,
    updated_at timestamptz not null,
    updated_by uuid,
    version    bigint      not null default 0
);

-- The configurable list of lead sources (SPEC §3.2), seeded with the manual's examples.
create table lead_source (
    code     text primary key,
    label    text    not null,
    position int     not null,
    active   boolean not null default true
);

comment on table lead_field is 'tenant-wide: the tenant''s own lead configuration, the same for every store';
comment on table lead_source is 'tenant-wide: the tenant''s own lead configuration, the same for every store';

create table lead_team_member (
    lead_id  uuid not null references lead on delete cascade,
    user_id  uuid not null,
    store_id uuid not null,
    access   text not null check (access in ('READ', 'READ_WRITE')),
    primary key (lead_id, user_id)
);
create index lead_team_by_user on lead_team_member (user_id);

create table lead_history (
    id          uuid primary key,
    store_id    uuid        not null,
    lead_id     uuid        not null references lead on delete cascade,
    action      text        not null,
    from_status text,
    to_status   text        not null,
    from_owner  uuid,
    to_owner    uuid,
    reason      text,
    actor_id    uuid        not null,
    at          timestamptz not null
);
create index lead_history_by_lead on lead_history (lead_id, at);

create table lead_activity (
    id                uuid primary key,
    store_id          uuid        not null,
    lead_id           uuid        not null references lead on delete cascade,
    kind              text        not null check (kind in ('CALL', 'VISIT', 'EMAIL', 'CHAT', 'NOTE')),
    result            text        not null,
    occurred_at       timestamptz not null,
    next_follow_up_on date,
    -- set once, by the reminder job's conditional update: at most one reminder per follow-up
    reminded_at       timestamptz,
    created_at        timestamptz not null,
    created_by        uuid,
    updated_at        timestamptz not null,
    updated_by        uuid,
    version           bigint      not null default 0
);
create index lead_activity_by_lead on lead_activity (lead_id, occurred_at desc);
create index lead_activity_by_store on lead_activity (store_id, occurred_at desc);

alter table lead_field enable row level security;
alter table lead_field force row level security;
create policy lead_field_tenant_isolation on lead_field
    using (in_tenant_scope())
    with check (in_tenant_scope());

alter table lead_source enable row level security;
alter table lead_source force row level security;
create policy lead_source_tenant_isolation on lead_source
    using (in_tenant_scope())
    with check (in_tenant_scope());
-- the policy binds the owner too (FORCE): the seed rows are written inside this tenant's scope
select set_config('app.tenant', '${flyway:defaultSchema}', true);
insert into lead_source (code, label, position) values
    ('CAMPAIGN', 'Campaign', 1), ('REFERRAL', 'Referral', 2), ('PROMOTION', 'Promotion', 3),
    ('EXHIBITION', 'Exhibition', 4), ('PURCHASED_LIST', 'Purchased list', 5), ('ADVERTISEMENT', 'Advertisement', 6),
    ('BUSINESS_CARD', 'Business card', 7), ('WEBSITE', 'Website', 8), ('OTHER', 'Other', 9);

alter table lead_team_member enable row level security;
alter table lead_team_member force row level security;
create policy lead_team_member_store_isolation on lead_team_member
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table lead_history enable row level security;
alter table lead_history force row level security;
create policy lead_history_store_isolation on lead_history
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table lead_activity enable row level security;
alter table lead_activity force row level security;
create policy lead_activity_store_isolation on lead_activity
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

grant select, insert, update, delete on lead_field, lead_source, lead_team_member, lead_activity to ${appRole};
-- history is append-only for the application
grant select, insert on lead_history to ${appRole};

alter table lead_field replica identity full;
alter table lead_source replica identity full;
alter table lead_team_member replica identity full;
alter table lead_history replica identity full;
alter table lead_activity replica identity full;
alter publication storecrm_cdc add table lead_field, lead_source, lead_team_member, lead_history, lead_activity;
grant select on lead_field, lead_source, lead_team_member, lead_history, lead_activity to ${cdcRole};
