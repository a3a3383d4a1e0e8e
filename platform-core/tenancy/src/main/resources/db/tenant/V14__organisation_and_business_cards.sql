-- Organisation and data permissions (SPEC §3.1, the lead manual 4.1): departments with heads, each
-- user's primary department, user groups and sharing rules. Users and their superiors live in the
-- platform catalog (public.app_user); these tables only name them by id. All of it is the tenant's
-- own structure across its stores, so every table is tenant-wide.

create table department (
    id         uuid primary key,
    name       text        not null check (length(trim(name)) between 1 and 100),
    parent_id  uuid references department,
    head_id    uuid,
    created_at timestamptz not null,
    created_by uuid,
    updated_at timestamptz not null,
    updated_by uuid,
    version    bigint      not null default 0,
    constraint department_not_its_own_parent check (parent_id is distinct from id)
);
create unique index department_name_unique on department (lower(name));
create index department_by_parent on department (parent_id);
create index department_by_head on department (head_id);
comment on table department is 'tenant-wide: the tenant''s departments, which span its subsidiaries and stores';

-- A user's primary department (one per user): heads see the records of their departments' members.
create table department_member (
    user_id       uuid primary key,
    department_id uuid        not null references department,
    added_at      timestamptz not null,
    added_by      uuid
);
create index department_member_by_department on department_member (department_id);
comment on table department_member is 'tenant-wide: each user''s primary department, across stores';

create table user_group (
    id         uuid primary key,
    name       text        not null check (length(trim(name)) between 1 and 100),
    created_at timestamptz not null,
    created_by uuid
);
create unique index user_group_name_unique on user_group (lower(name));
comment on table user_group is 'tenant-wide: the tenant''s user groups, sharing-rule targets across stores';

create table user_group_member (
    group_id uuid not null references user_group on delete cascade,
    user_id  uuid not null,
    primary key (group_id, user_id)
);
create index user_group_member_by_user on user_group_member (user_id);
comment on table user_group_member is 'tenant-wide: the members of a tenant-wide user group';

-- Records (of one type) owned by a user or by the members of a department are shared with a user, the
-- members of a department or the members of a group, to read or to read and write.
create table sharing_rule (
    id          uuid primary key,
    record_type text        not null check (record_type in ('LEAD', 'ACCOUNT', 'OPPORTUNITY', 'VISIT')),
    source_kind text        not null check (source_kind in ('USER', 'DEPARTMENT')),
    source_id   uuid        not null,
    target_kind text        not null check (target_kind in ('USER', 'DEPARTMENT', 'GROUP')),
    target_id   uuid        not null,
    access      text        not null check (access in ('READ', 'READ_WRITE')),
    created_at  timestamptz not null,
    created_by  uuid,
    constraint sharing_rule_unique unique (record_type, source_kind, source_id, target_kind, target_id)
);
create index sharing_rule_by_target on sharing_rule (target_kind, target_id);
comment on table sharing_rule is 'tenant-wide: the tenant''s data-sharing rules, which cross departments and stores';

-- The manual's "upper-level visible data range": whether a head also sees the child departments' data.
create table organisation_rule (
    id                          int primary key check (id = 1),
    heads_see_child_departments boolean     not null,
    updated_at                  timestamptz not null,
    updated_by                  uuid
);
comment on table organisation_rule is 'tenant-wide: the tenant''s visibility settings, the same for every store';

alter table department enable row level security;
alter table department force row level security;
create policy department_tenant_isolation on department using (in_tenant_scope()) with check (in_tenant_scope());
alter table department_member enable row level security;
alter table department_member force row level security;
create policy department_member_tenant_isolation on department_member
    using (in_tenant_scope()) with check (in_tenant_scope());
alter table user_group enable row level security;
alter table user_group force row level security;
create policy user_group_tenant_isolation on user_group using (in_tenant_scope()) with check (in_tenant_scope());
alter table user_group_member enable row level security;
alter table user_group_member force row level security;
create policy user_group_member_tenant_isolation on user_group_member
    using (in_tenant_scope()) with check (in_tenant_scope());
alter table sharing_rule enable row level security;
alter table sharing_rule force row level security;
create policy sharing_rule_tenant_isolation on sharing_rule using (in_tenant_scope()) with check (in_tenant_scope());
alter table organisation_rule enable row level security;
alter table organisation_rule force row level security;
create policy organisation_rule_tenant_isolation on organisation_rule
    using (in_tenant_scope()) with check (in_tenant_scope());

select set_config('app.tenant', '${flyway:defaultSchema}', true);
insert into organisation_rule (id, heads_see_child_departments, updated_at) values (1, true, now());

grant select, insert, update, delete on department, department_member, user_group_member, sharing_rule to ${appRole};
grant select, insert, update, delete on user_group to ${appRole};
grant select, update on organisation_rule to ${appRole};

alter table department replica identity full;
alter table department_member replica identity full;
alter table user_group replica identity full;
alter table user_group_member replica identity full;
alter table sharing_rule replica identity full;
alter table organisation_rule replica identity full;
alter publication storecrm_cdc add table department, department_member, user_group, user_group_member, sharing_rule,
    organisation_rule;
grant select on department, department_member, user_group, user_group_member, sharing_rule, organisation_rule
    to ${cdcRole};

-- Business cards (SPEC §3.2, the lead manual 4.2): a lead created from a scanned card keeps the
-- card's every text field, including those a lead has no field for (title, address, website, ...).
create table lead_business_card (
    lead_id    uuid primary key references lead on delete cascade,
    store_id   uuid        not null,
    job_title  text,
    department text,
    mobile     text,
    phone      text,
    fax        text,
    email      text,
    wechat     text,
    address    text,
    website    text,
    note       text,
    scanned_at timestamptz not null,
    scanned_by uuid        not null
);

alter table lead_business_card enable row level security;
alter table lead_business_card force row level security;
create policy lead_business_card_store_isolation on lead_business_card
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));
-- a card is kept as scanned: written once with its lead
grant select, insert on lead_business_card to ${appRole};
alter table lead_business_card replica identity full;
alter publication storecrm_cdc add table lead_business_card;
grant select on lead_business_card to ${cdcRole};
