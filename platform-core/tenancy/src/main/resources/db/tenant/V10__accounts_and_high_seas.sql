-- Accounts (customer profiles), contacts and follow-up records (SPEC §3.4), the high seas with
-- claim applications and the ownership audit, and the tenant's high-seas rules.

create table account (
    id                     uuid primary key,
    store_id               uuid        not null,
    name                   text        not null,
    tier                   text,
    province               text,
    city                   text,
    address                text,
    latitude               double precision,
    longitude              double precision,
    mobile                 text,
    chat_id                text,
    product_preferences    text,
    purchase_intention     text,
    tags                   text[]      not null default '{}',
    custom_fields          jsonb       not null default '{}'::jsonb,
    ownership              text        not null check (ownership in ('OWNED', 'HIGH_SEAS', 'CLAIM_PENDING', 'AWAITING_RETURN_VISIT')),
    owner_id               uuid,
    owned_since            timestamptz,
    last_return_visit_at   timestamptz,
    return_visit_due_at    timestamptz,
    in_high_seas_since     timestamptz,
    -- duplicate keys: the same mobile however it is typed, the same chat id in any case
    mobile_key             text generated always as (nullif(regexp_replace(mobile, '[^0-9]', '', 'g'), '')) stored,
    chat_id_key            text generated always as (nullif(lower(btrim(chat_id)), '')) stored,
    created_at             timestamptz not null,
    created_by             uuid,
    updated_at             timestamptz not null,
    updated_by             uuid,
    version                bigint      not null default 0
);
-- One profile per mobile number and per chat id in a store (the dual check). The indexes, not a
-- look-up before the insert, decide when two creations race.
create unique index account_unique_mobile on account (store_id, mobile_key) where mobile_key is not null;
create unique index account_unique_chat_id on account (store_id, chat_id_key) where chat_id_key is not null;
create index account_by_store on account (store_id, created_at desc);
create index account_by_owner on account (owner_id, ownership);
create index account_by_ownership on account (ownership, return_visit_due_at);

create table contact (
    id         uuid primary key,
    store_id   uuid        not null,
    account_id uuid        not null references account on delete cascade,
    name       text        not null,
    title      text,
    mobile     text,
    chat_id    text,
    email      text,
    created_at timestamptz not null,
    created_by uuid,
    updated_at timestamptz not null,
    updated_by uuid,
    version    bigint      not null default 0
);
create index contact_by_account on contact (account_id);

create table account_follow_up (
    id                uuid primary key,
    store_id          uuid        not null,
    account_id        uuid        not null references account on delete cascade,
    kind              text        not null check (kind in ('CALL', 'VISIT', 'EMAIL', 'CHAT', 'NOTE')),
    result            text        not null,
    occurred_at       timestamptz not null,
    next_follow_up_on date,
    created_at        timestamptz not null,
    created_by        uuid,
    updated_at        timestamptz not null,
    updated_by        uuid,
    version           bigint      not null default 0
);
create index account_follow_up_by_account on account_follow_up (account_id, occurred_at desc);

create table high_seas_claim (
    id           uuid primary key,
    store_id     uuid        not null,
    account_id   uuid        not null references account on delete cascade,
    applicant_id uuid        not null,
    reason       text        not null,
    status       text        not null check (status in ('PENDING', 'APPROVED', 'REFUSED')),
    applied_at   timestamptz not null,
    decided_by   uuid,
    decided_at   timestamptz,
    decision_note text,
    created_at   timestamptz not null,
    created_by   uuid,
    updated_at   timestamptz not null,
    updated_by   uuid,
    version      bigint      not null default 0
);
-- at most one open application per customer: the second applicant gets a conflict, not a queue
create unique index high_seas_claim_one_pending on high_seas_claim (account_id) where status = 'PENDING';
create index high_seas_claim_by_applicant on high_seas_claim (applicant_id, applied_at desc);
create index high_seas_claim_by_store on high_seas_claim (store_id, status, applied_at desc);

create table account_ownership_history (
    id         uuid primary key,
    store_id   uuid        not null,
    account_id uuid        not null references account on delete cascade,
    action     text        not null,
    from_state text        not null,
    to_state   text        not null,
    from_owner uuid,
    to_owner   uuid,
    claim_id   uuid,
    reason     text,
    actor_id   uuid        not null,
    at         timestamptz not null
);
create index account_ownership_history_by_account on account_ownership_history (account_id, at);

create table high_seas_rule (
    id                           int primary key check (id = 1),
    days_without_return_visit    int not null check (days_without_return_visit between 1 and 3650),
    return_visit_days_after_claim int not null check (return_visit_days_after_claim between 1 and 365),
    updated_at                   timestamptz not null,
    updated_by                   uuid
);
comment on table high_seas_rule is 'tenant-wide: the tenant''s high-seas rules, the same for every store';

alter table account enable row level security;
alter table account force row level security;
create policy account_store_isolation on account
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table contact enable row level security;
alter table contact force row level security;
create policy contact_store_isolation on contact
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table account_follow_up enable row level security;
alter table account_follow_up force row level security;
create policy account_follow_up_store_isolation on account_follow_up
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table high_seas_claim enable row level security;
alter table high_seas_claim force row level security;
create policy high_seas_claim_store_isolation on high_seas_claim
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table account_ownership_history enable row level security;
alter table account_ownership_history force row level security;
create policy account_ownership_history_store_isolation on account_ownership_history
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table high_seas_rule enable row level security;
alter table high_seas_rule force row level security;
create policy high_seas_rule_tenant_isolation on high_seas_rule
    using (in_tenant_scope())
    with check (in_tenant_scope());
-- the policy binds the owner too (FORCE): the default rules are written inside this tenant's scope
select set_config('app.tenant', '${flyway:defaultSchema}', true);
insert into high_seas_rule (id, days_without_return_visit, return_visit_days_after_claim, updated_at)
values (1, 30, 7, now());

grant select, insert, update, delete on account, contact, account_follow_up, high_seas_claim to ${appRole};
grant select, update on high_seas_rule to ${appRole};
-- the ownership audit is append-only for the application
grant select, insert on account_ownership_history to ${appRole};

alter table account replica identity full;
alter table contact replica identity full;
alter table account_follow_up replica identity full;
alter table high_seas_claim replica identity full;
alter table account_ownership_history replica identity full;
alter table high_seas_rule replica identity full;
alter publication storecrm_cdc add table account, contact, account_follow_up, high_seas_claim,
    account_ownership_history, high_seas_rule;
grant select on account, contact, account_follow_up, high_seas_claim, account_ownership_history,
    high_seas_rule to ${cdcRole};
