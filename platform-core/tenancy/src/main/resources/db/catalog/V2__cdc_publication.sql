-- Change data capture streams the tenant tables through this publication. It starts empty: each
-- tenant migration adds its tables (adding tables needs ownership of table and publication, which
-- the owner role has; a FOR ALL TABLES publication would need a superuser).
create publication storecrm_cdc;
