/**
 * Operator tools that keep the warehouse exact: a restartable Spring Batch job that rebuilds one
 * tenant's ClickHouse rows from PostgreSQL while change data capture keeps running, and a
 * reconciliation that compares both sides per table and store.
 *
 * <p>Versioning makes the backfill exact without stopping the pipeline: at launch the job takes the
 * current WAL position {@code L}. It first tombstones every row ClickHouse holds for the tenant with
 * version {@code L - 1}, then writes every PostgreSQL row with version {@code L}. A change the pipeline
 * applies later carries a higher LSN and wins; a row deleted in PostgreSQL has no backfill row and
 * stays hidden behind its tombstone. Rewriting a chunk after a crash writes identical rows with the
 * same version, which {@code ReplacingMergeTree} collapses.
 *
 * <p>Adding a table: describe it in {@link com.storecrm.analytics.backfill.WarehouseTables} (its
 * ClickHouse DDL and tenant migration exist already); the job and the reconciliation pick it up.
 */
package com.storecrm.analytics.backfill;
