-- Deletes must carry the whole row (tenant and store included) to the analytics warehouse.
alter table lead replica identity full;
alter publication storecrm_cdc add table lead;
-- The capture job's role reads whole tables for snapshots and backfills; it is the platform's own
-- pipeline, never used by tenant-facing services, and analytics re-applies the store scope.
grant usage on schema ${flyway:defaultSchema} to ${cdcRole};
grant select on lead to ${cdcRole};
