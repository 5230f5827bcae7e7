/**
 * The PostgreSQL backend for a fleet of gateways: the DSN ({@link com.verivus.gateway.store.postgres.PostgresDsn}),
 * the pool and Flyway migrations ({@link com.verivus.gateway.store.postgres.PostgresDatabase}, scripts in
 * {@code db/postgres/}), the job store with database-decided dedup and cancel requests
 * ({@link com.verivus.gateway.store.postgres.PostgresJobStore}) and the LISTEN/NOTIFY events between gateways.
 * Loaded only when {@code backend = "postgres"} or {@code DATABASE_URL} is configured.
 */
package com.verivus.gateway.store.postgres;
