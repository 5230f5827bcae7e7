package com.verivus.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteReceiptStoreTest extends AbstractReceiptStoreTest {

    @TempDir
    Path dir;

    private final List<SqliteJobStore> open = new ArrayList<>();

    @Override
    ReceiptStore store() {
        SqliteJobStore store = SqliteJobStore.open(dir.resolve("logs.db"), 60_000);
        open.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        open.forEach(SqliteJobStore::close);
    }

    @Test
    void receiptsSurviveReopeningAndRowsRefuseUpdateAndDelete() throws Exception {
        store().insertReceipt(receipt(ID, "{\"kept\":true}"));
        open.forEach(SqliteJobStore::close);
        open.clear();
        assertThat(store().findReceipt(ID).orElseThrow().body()).isEqualTo("{\"kept\":true}");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("logs.db"));
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE review_receipts SET body = '{}'"))
                    .hasMessageContaining("review receipts are immutable");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM review_receipts"))
                    .hasMessageContaining("review receipts are immutable");
        }
        assertThat(store().findReceipt(ID).orElseThrow().body()).isEqualTo("{\"kept\":true}");
    }

    @Test
    void openingAnExistingJobsFileAddsTheTableInPlaceAndKeepsTheJobs() throws Exception {
        Path file = dir.resolve("logs.db");
        SqliteJobStore.open(file, 60_000).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER review_receipts_no_update");
            s.execute("DROP TRIGGER review_receipts_no_delete");
            s.execute("DROP TABLE review_receipts");
        }
        ReceiptStore reopened = store();
        reopened.insertReceipt(receipt(ID, "{}"));
        assertThat(reopened.findReceipt(ID)).isPresent();
    }
}
