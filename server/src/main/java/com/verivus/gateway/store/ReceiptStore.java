package com.verivus.gateway.store;

import java.util.Optional;

/**
 * Where review receipts are kept, next to the jobs they name. A receipt is written once and never
 * changed: a second write of the same id fails, and backends refuse updates and deletes. Implemented
 * by the job stores (SQLite, memory); a PostgreSQL job store implements it the same way.
 */
public interface ReceiptStore {

    /**
     * @throws JobStoreException when a receipt with this id already exists, or the write fails
     */
    void insertReceipt(StoredReceipt receipt);

    Optional<StoredReceipt> findReceipt(String id);
}
