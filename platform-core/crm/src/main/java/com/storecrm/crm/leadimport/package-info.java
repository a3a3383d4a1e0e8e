/**
 * File imports of leads (SPEC §3.9): CSV and XLSX uploads imported by a Spring Batch job per upload,
 * in chunk transactions scoped to the import's tenant and store, with per-row validation and the
 * duplicate rule of the lead feature, a report of rejected rows, progress while running, and
 * restarts (on request, and automatically for runs of a process that died) that never import a
 * row twice.
 *
 * <p>Owns the tables {@code lead_import} and {@code lead_import_row} of every tenant schema; the job
 * repository is the catalog's {@code public.BATCH_*}. Creates leads only through
 * {@link com.storecrm.crm.lead.LeadIntake}. Publishes nothing and listens to nothing; every
 * {@link com.storecrm.crm.leadimport.LeadImportChunkListener} bean hears of each chunk.
 */
package com.storecrm.crm.leadimport;
