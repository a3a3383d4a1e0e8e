-- Every operational row arrives from the change-data-capture job with its tenant and store, the
-- LSN of its change as version and a deleted flag: ReplacingMergeTree keeps the latest version per
-- key, so redelivery after a failure changes no result. Read with FINAL (or argMax by version) and
-- deleted = 0. Timestamps are UTC.
CREATE TABLE IF NOT EXISTS storecrm.lead (
    tenant       String,
    id           String,
    store_id     String,
    name         String,
    company      Nullable(String),
    phone        Nullable(String),
    email        Nullable(String),
    source       Nullable(String),
    campaign_id  Nullable(String),
    pool_id      Nullable(String),
    status       String,
    owner_id     Nullable(String),
    created_at   DateTime,
    created_by   Nullable(String),
    updated_at   DateTime,
    updated_by   Nullable(String),
    version      UInt64,
    deleted      UInt8,
    committed_at DateTime,
    ingested_at  DateTime DEFAULT now()
) ENGINE = ReplacingMergeTree(version) ORDER BY (tenant, id);

-- Pipeline progress per tenant, written by the job after each applied batch: what the freshness
-- endpoint and the operator's "last change seen by analytics" read.
CREATE TABLE IF NOT EXISTS storecrm.cdc_progress (
    tenant         String,
    last_commit_at DateTime,
    last_lsn       UInt64,
    lag_ms         UInt64,
    applied_at     DateTime
) ENGINE = ReplacingMergeTree(last_lsn) ORDER BY tenant;
