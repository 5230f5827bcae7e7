package com.verivus.gateway.store;

import com.verivus.gateway.json.IsoTimestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * The {@code review_receipts} table in the job store's file. Created in place when the store opens
 * (idempotent, outside the numbered jobs migrations, which only touch {@code jobs}); triggers make
 * rows immutable: an UPDATE or DELETE aborts. Job retention never evicts receipts.
 */
final class SqliteReceiptTable {

    private static final List<String> SCHEMA = List.of(
            """
            CREATE TABLE IF NOT EXISTS review_receipts (
              id TEXT PRIMARY KEY,
              created_at TEXT NOT NULL,
              artifact_sha256 TEXT NOT NULL,
              body TEXT NOT NULL,
              body_sha256 TEXT NOT NULL
            )""",
            "CREATE INDEX IF NOT EXISTS idx_review_receipts_artifact ON review_receipts(artifact_sha256)",
            """
            CREATE TRIGGER IF NOT EXISTS review_receipts_no_update BEFORE UPDATE ON review_receipts
            BEGIN SELECT RAISE(ABORT, 'review receipts are immutable'); END""",
            """
            CREATE TRIGGER IF NOT EXISTS review_receipts_no_delete BEFORE DELETE ON review_receipts
            BEGIN SELECT RAISE(ABORT, 'review receipts are immutable'); END""");

    private SqliteReceiptTable() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : SCHEMA) {
                s.execute(sql);
            }
        }
    }

    static void insert(Connection c, StoredReceipt r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_receipts "
                + "(id, created_at, artifact_sha256, body, body_sha256) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, r.id());
            ps.setString(2, IsoTimestamps.format(r.createdAt()));
            ps.setString(3, r.artifactSha256());
            ps.setString(4, r.body());
            ps.setString(5, r.bodySha256());
            ps.executeUpdate();
        }
    }

    static Optional<StoredReceipt> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, created_at, artifact_sha256, body, body_sha256 "
                + "FROM review_receipts WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredReceipt(rs.getString(1), IsoTimestamps.parse(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
    }
}
