-- One-time setup of an external PostgreSQL (13+) for StoreCRM. Run as a superuser in the target
-- database, after replacing the two passwords. The embedded database of `./platform run` does the same.
--
--   storecrm_owner  owns the catalog (schema public) and every tenant schema; tenant-admin connects
--                   as it to migrate and onboard. REPLICATION is for the change-data-capture job.
--   storecrm_app    what crm and analytics connect as: owns nothing, cannot bypass row-level security.
--   storecrm_cdc    the change-data-capture job: REPLICATION to stream the WAL and BYPASSRLS so its
--                   snapshots and backfills read whole tables; never used by tenant-facing services.
--
-- Change data capture also needs, in postgresql.conf: wal_level = logical, max_replication_slots >= 4,
-- max_wal_senders >= 4, max_slot_wal_keep_size set (e.g. 2GB) so a stopped job cannot fill the disk.

create role storecrm_owner login password 'CHANGE-ME-owner' nosuperuser nobypassrls replication;
create role storecrm_app login password 'CHANGE-ME-app' nosuperuser nobypassrls nocreatedb nocreaterole noreplication;
create role storecrm_cdc login password 'CHANGE-ME-cdc' nosuperuser bypassrls replication nocreatedb nocreaterole;

do $$ begin
  execute format('grant create, connect on database %I to storecrm_owner', current_database());
  execute format('grant connect on database %I to storecrm_app', current_database());
  execute format('grant connect on database %I to storecrm_cdc', current_database());
end $$;
alter schema public owner to storecrm_owner;
revoke create on schema public from public;
