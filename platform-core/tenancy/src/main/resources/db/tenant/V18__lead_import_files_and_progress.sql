-- Lead imports at scale (issue 5's 100,000-row benchmark):
-- * the uploaded file moves to a table of its own, so that loading an import for a progress poll or
--   a status change no longer reads the whole file, nor logs it again under full replica identity;
-- * progress is kept as counters, advanced by each chunk in the chunk's own transaction, instead of
--   counting the import's rows on every poll;
-- * a row's cells are kept for rejected rows only (the rejected-rows report is their one reader), and
--   a row is written once, with its outcome, instead of written and then updated.

-- the data moves inside this tenant's scope: the policies bind the owner too (FORCE)
select set_config('app.tenant', '${flyway:defaultSchema}', true), set_config('app.all_stores', 'on', true);

create table lead_import_file (
    import_id uuid  primary key references lead_import on delete cascade,
    store_id  uuid  not null,
    content   bytea not null
);
insert into lead_import_file (import_id, store_id, content) select id, store_id, content from lead_import;
alter table lead_import drop column content;

alter table lead_import
    add column rows_read     int not null default 0,
    add column rows_accepted int not null default 0,
    add column rows_rejected int not null default 0;
update lead_import i set rows_read = p.done, rows_accepted = p.accepted, rows_rejected = p.rejected
from (select import_id, count(*) as done, count(lead_id) as accepted, count(reason) as rejected
      from lead_import_row group by import_id) p
where p.import_id = i.id;

alter table lead_import_row alter column cells drop not null;
update lead_import_row set cells = null where lead_id is not null;

alter table lead_import_file enable row level security;
alter table lead_import_file force row level security;
create policy lead_import_file_store_isolation on lead_import_file
    using (in_store_scope(store_id))
    with check (in_store_scope(store_id));

grant select, insert, update, delete on lead_import_file to ${appRole};

alter table lead_import_file replica identity full;
alter publication storecrm_cdc add table lead_import_file;
grant select on lead_import_file to ${cdcRole};
