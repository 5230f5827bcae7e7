package com.verivus.gateway.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Receipts in memory, for the memory job store and for a gateway running without a job store. */
public final class MemoryReceiptStore implements ReceiptStore {

    private final Map<String, StoredReceipt> receipts = new ConcurrentHashMap<>();

    @Override
    public void insertReceipt(StoredReceipt receipt) {
        if (receipts.putIfAbsent(receipt.id(), receipt) != null) {
            throw new JobStoreException("A review receipt with id " + receipt.id() + " already exists; receipts are "
                    + "immutable");
        }
    }

    @Override
    public Optional<StoredReceipt> findReceipt(String id) {
        return Optional.ofNullable(receipts.get(id));
    }
}
