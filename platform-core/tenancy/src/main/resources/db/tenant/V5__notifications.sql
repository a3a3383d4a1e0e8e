-- In-app notifications (SPEC §3.10) per user, and the tenant's outbound webhook.

create table notification (
    id              uuid primary key,
    store_id        uuid        not null,
    recipient_id    uuid        not null,
    kind            text        not null,
    lead_id         uuid,
    pool_id         uuid,
    message         text        not null,
    -- the event a notification comes from: delivery of an event is at least once, the row once
    event_key       text        not null,
    created_at      timestamptz not null,
    read_at         timestamptz,
    webhook_status  text check (webhook_status in ('SENT', 'FAILED')),
    webhook_error   text,
    webhook_at      timestamptz
);
create unique index notification_once on notification (event_key, recipient_id);
create index notification_by_recipient on notification (recipient_id, created_at desc);

create table notification_webhook (
    -- one row; an integer key because the capture snapshot cannot split on a boolean
    id        int primary key default 1 check (id = 1),
    url       text not null
);
comment on table notification_webhook is 'tenant-wide: the one address the tenant''s notifications are posted to';

alter table notification enable row level security;
alter table notification force row level security;
create policy notification_store_isolation on notification
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table notification_webhook enable row level security;
alter table notification_webhook force row level security;
create policy notification_webhook_tenant_isolation on notification_webhook
    using (in_tenant_scope())
    with check (in_tenant_scope());

grant select, insert, update, delete on notification, notification_webhook to ${appRole};

alter table notification replica identity full;
alter table notification_webhook replica identity full;
alter publication storecrm_cdc add table notification, notification_webhook;
grant select on notification, notification_webhook to ${cdcRole};
