-- Lead imports (SPEC §3.9): the uploaded file, kept so that a restarted run reads it again, and one
-- row per file row processed, written in the same chunk transaction as the lead it created. The
-- primary key (import, row number) makes a replayed chunk a no-op instead of a second lead.

create table lead_import (
    id               uuid primary key,
    store_id         uuid        not null,
    file_name        text        not null,
    format           text        not null check (format in ('CSV', 'XLSX')),
    content          bytea       not null,
    header           jsonb       not null,
    mapping          jsonb       not null,
    defaults         jsonb       not null,
    total_rows       int         not null,
    status           text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
    job_execution_id bigint,
    failure          text,
    finished_at      timestamptz,
    created_at       timestamptz not null,
    created_by       uuid,
    updated_at       timestamptz not null,
    updated_by       uuid,
    version          bigint      not null default 0
);
create index lead_import_by_store on lead_import (store_id, created_at desc);

create table lead_import_row (
    import_id  uuid  not null references lead_import on delete cascade,
    row_number int   not null,
    store_id   uuid  not null,
    -- the file's cells as read, for the rejected-rows report
    cells      jsonb not null,
    lead_id    uuid,
    reason     text,
    primary key (import_id, row_number),
    constraint lead_import_row_outcome check (lead_id is null or reason is null)
);
create index lead_import_row_by_lead on lead_import_row (import_id, lead_id) where lead_id is not null;

alter table lead_import enable row level security;
alter table lead_import force row level security;
create policy lead_import_store_isolation on lead_import
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

alter table lead_import_row enable row level security;
alter table lead_import_row force row level security;
create policy lead_import_row_store_isolation on lead_import_row
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

grant select, insert, update, delete on lead_import, lead_import_row to ${appRole};

alter table lead_import replica identity full;
alter table lead_import_row replica identity full;
alter publication storecrm_cdc add table lead_import, lead_import_row;
grant select on lead_import, lead_import_row to ${cdcRole};
