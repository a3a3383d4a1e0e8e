-- Sales processes with ordered stages, and opportunities moving through them (SPEC §3.5).

create table sales_process (
    id                  uuid primary key,
    name                text        not null,
    department_ids      uuid[]      not null default '{}',
    close_reminder_days int         not null default 7 check (close_reminder_days between 0 and 365),
    created_at          timestamptz not null,
    created_by          uuid,
    updated_at          timestamptz not null,
    updated_by          uuid,
    version             bigint      not null default 0
);
create unique index sales_process_unique_name on sales_process (lower(name));

create table sales_stage (
    id                uuid primary key,
    process_id        uuid         not null references sales_process on delete cascade,
    position          int          not null,
    name              text         not null,
    probability       numeric(5,4) not null check (probability >= 0 and probability <= 1),
    required_fields   text[]       not null default '{}',
    required_tasks    text[]       not null default '{}',
    requires_approval boolean      not null default false,
    unique (process_id, position)
);

comment on table sales_process is 'tenant-wide: the tenant''s sales process configuration, assigned to departments across stores';
comment on table sales_stage is 'tenant-wide: the stages of a tenant-wide sales process';

create table opportunity (
    id                  uuid primary key,
    store_id            uuid          not null,
    account_id          uuid          not null references account,
    name                text          not null,
    amount              numeric(18,2) not null check (amount >= 0),
    process_id          uuid          not null references sales_process,
    stage_id            uuid          not null references sales_stage,
    status              text          not null check (status in ('OPEN', 'WON', 'LOST', 'INVALID')),
    expected_close_date date          not null,
    owner_id            uuid          not null,
    product_line        text,
    stage_entered_at    timestamptz   not null,
    furthest_position   int           not null,
    pending_stage_id    uuid references sales_stage,
    close_reason        text,
    closed_at           timestamptz,
    feedback            jsonb         not null default '{}'::jsonb,
    completed_tasks     text[]        not null default '{}',
    -- set once, by the reminder job's conditional update: at most one reminder per opportunity
    close_reminded_at   timestamptz,
    created_at          timestamptz   not null,
    created_by          uuid,
    updated_at          timestamptz   not null,
    updated_by          uuid,
    version             bigint        not null default 0
);
create index opportunity_by_store on opportunity (store_id, status, stage_id);
create index opportunity_by_account on opportunity (account_id);
create index opportunity_by_owner on opportunity (owner_id, status);
create index opportunity_by_close_date on opportunity (status, expected_close_date);

create table opportunity_history (
    id               uuid primary key,
    store_id         uuid        not null,
    opportunity_id   uuid        not null references opportunity on delete cascade,
    action           text        not null,
    from_stage       uuid,
    to_stage         uuid        not null,
    from_status      text,
    to_status        text        not null,
    -- how long the opportunity stood in from_stage: the funnel's time in stage
    seconds_in_stage bigint,
    reason           text,
    actor_id         uuid        not null,
    at               timestamptz not null
);
create index opportunity_history_by_opportunity on opportunity_history (opportunity_id, at);

alter table sales_process enable row level security;
alter table sales_process force row level security;
create policy sales_process_tenant_isolation on sales_process
    using (in_tenant_scope())
    with check (in_tenant_scope());

alter table sales_stage enable row level security;
alter table sales_stage force row level security;
create policy sales_stage_tenant_isolation on sales_stage
    using (in_tenant_scope())
    with check (in_tenant_scope());

alter table opportunity enable row level security;
alter table opportunity force row level security;
create policy opportunity_store_isolation on opportunity
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table opportunity_history enable row level security;
alter table opportunity_history force row level security;
create policy opportunity_history_store_isolation on opportunity_history
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

grant select, insert, update, delete on sales_process, sales_stage, opportunity to ${appRole};
grant select, insert on opportunity_history to ${appRole};

alter table sales_process replica identity full;
alter table sales_stage replica identity full;
alter table opportunity replica identity full;
alter table opportunity_history replica identity full;
alter publication storecrm_cdc add table sales_process, sales_stage, opportunity, opportunity_history;
grant select on sales_process, sales_stage, opportunity, opportunity_history to ${cdcRole};
