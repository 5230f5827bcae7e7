package com.verivus.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.verivus.gateway.store.postgres.PostgresDatabase;
import com.verivus.gateway.store.postgres.PostgresJobStore;
import com.verivus.gateway.store.postgres.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Receipts in the PostgreSQL job store (a fresh database on the test server, see PostgresTestDatabase). */
class PostgresReceiptStoreTest extends AbstractReceiptStoreTest {

    private static PostgresTestDatabase database;
    private static PostgresDatabase pool;

    @BeforeAll
    static void openDatabase() {
        database = PostgresTestDatabase.create();
        pool = PostgresDatabase.open(database.dsn());
    }

    @AfterAll
    static void dropDatabase() {
        pool.close();
        database.close();
    }

    @BeforeEach
    void empty() throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE review_receipts DISABLE TRIGGER review_receipts_no_update");
            s.execute("DELETE FROM review_receipts");
            s.execute("ALTER TABLE review_receipts ENABLE TRIGGER review_receipts_no_update");
        }
    }

    @Override
    ReceiptStore store() {
        return new PostgresJobStore(pool, 60_000, false);
    }

    @Test
    void rowsRefuseUpdateAndDelete() throws Exception {
        store().insertReceipt(receipt(ID, "{\"kept\":true}"));
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE review_receipts SET body = '{}'"))
                    .hasMessageContaining("review receipts are immutable");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM review_receipts"))
                    .hasMessageContaining("review receipts are immutable");
        }
        assertThat(store().findReceipt(ID).orElseThrow().body()).isEqualTo("{\"kept\":true}");
    }
}
