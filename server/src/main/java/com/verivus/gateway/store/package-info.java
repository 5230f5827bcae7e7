/**
 * Durable job records: {@link com.verivus.gateway.store.JobStore} and its SQLite (the Node gateway's logs.db
 * schema plus nullable owner/heartbeat columns, versioned in {@code job_store_migrations}), memory and
 * PostgreSQL ({@link com.verivus.gateway.store.postgres}) implementations, opened by
 * {@link com.verivus.gateway.store.JobStores} from the {@code [persistence]} config.
 */
package com.verivus.gateway.store;
