package com.verivus.gateway.store;

class MemoryReceiptStoreTest extends AbstractReceiptStoreTest {

    @Override
    ReceiptStore store() {
        return new MemoryJobStore(60_000);
    }
}
