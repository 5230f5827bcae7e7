package com.verivus.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link ReceiptStore} does, subclassed per backend. */
abstract class AbstractReceiptStoreTest {

    static final String ID = "6f1c1a4e-2f39-4c53-a1a8-6b7f0c3d9e21";

    /** A fresh, empty store. */
    abstract ReceiptStore store();

    static StoredReceipt receipt(String id, String body) {
        return new StoredReceipt(id, Instant.parse("2026-12-03T08:00:00.123Z"), "a".repeat(64), body, "b".repeat(64));
    }

    @Test
    void aWrittenReceiptIsReadBackExactly() {
        ReceiptStore store = store();
        StoredReceipt written = receipt(ID, "{\"receiptId\":\"" + ID + "\",\"note\":\"\u00e9\"}");
        store.insertReceipt(written);
        assertThat(store.findReceipt(ID)).contains(written);
        assertThat(store.findReceipt("00000000-0000-0000-0000-000000000000")).isEmpty();
    }

    @Test
    void aReceiptCannotBeWrittenTwice() {
        ReceiptStore store = store();
        store.insertReceipt(receipt(ID, "{\"first\":true}"));
        assertThatThrownBy(() -> store.insertReceipt(receipt(ID, "{\"second\":true}")))
                .isInstanceOf(JobStoreException.class);
        assertThat(store.findReceipt(ID).orElseThrow().body()).isEqualTo("{\"first\":true}");
    }
}
