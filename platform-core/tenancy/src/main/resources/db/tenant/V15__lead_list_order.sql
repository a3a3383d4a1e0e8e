-- The lead lists (GET /api/leads, issue 5) filter by status and show the newest first across all
-- the caller's stores. lead_by_store_status serves one store; for several stores the database had to
-- read and sort every lead of the status (a third of a 1,000,000-lead tenant) to return a page of
-- 50. This index yields them in the list's order (created_at desc, then id) for any set of stores,
-- so a page stops after its rows, and carries store and owner so that the store scope, the
-- visibility filter and the page's count are checked in the index without visiting the table.
create index lead_by_status_newest on lead (status, created_at desc, id) include (store_id, owner_id);
