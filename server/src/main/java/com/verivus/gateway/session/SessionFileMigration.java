package com.verivus.gateway.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.verivus.gateway.json.IsoTimestamps;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.store.postgres.PostgresDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Copies a sessions.json into the PostgreSQL session tables, as the Node package's migrate-sessions
 * script does: every session (expired ones too — the TTL applies when they are next used) with its
 * description, metadata and timestamps, and every active pointer. Idempotent: a session already there
 * is overwritten with the file's values, so running it twice changes nothing. One transaction: a
 * failure leaves the database as it was.
 */
public final class SessionFileMigration {

    /** What a run copied. */
    public record Result(int sessions, int activePointers, int skipped) {
    }

    private SessionFileMigration() {
    }

    /**
     * @throws IOException when the file cannot be read or is not a sessions document
     * @throws SQLException when the database refuses the rows
     */
    public static Result run(Path sessionsJson, PostgresDatabase db) throws IOException, SQLException {
        SessionDocument doc;
        try {
            doc = SessionDocument.parse(Files.readString(sessionsJson, StandardCharsets.UTF_8));
        } catch (SessionDocument.Corrupt e) {
            throw new IOException(sessionsJson + " is not a sessions file: " + e.getMessage(), e);
        }
        int sessions = 0;
        int skipped = 0;
        int pointers = 0;
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (id, cli, description, metadata, "
                        + "created_at, last_used_at) VALUES (?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                        + "cli = EXCLUDED.cli, description = EXCLUDED.description, metadata = EXCLUDED.metadata, "
                        + "created_at = EXCLUDED.created_at, last_used_at = EXCLUDED.last_used_at")) {
                    for (Session s : doc.sessions()) {
                        Instant created = s.createdAt() == null ? null : IsoTimestamps.parseLenient(s.createdAt()).orElse(null);
                        Instant used = s.lastUsed().orElse(null);
                        if (created == null && used == null) {
                            skipped++; // no usable timestamp at all: the file store would treat it as expired
                            continue;
                        }
                        ps.setString(1, s.id());
                        ps.setString(2, s.cli().key());
                        ps.setString(3, s.description());
                        ps.setString(4, s.metadata() == null ? null : json(s));
                        setTime(ps, 5, created != null ? created : used);
                        setTime(ps, 6, used != null ? used : created);
                        ps.addBatch();
                        sessions++;
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO active_sessions (cli, session_id, updated_at) "
                        + "SELECT ?, id, now() FROM sessions WHERE id = ? AND cli = ? "
                        + "ON CONFLICT (cli) DO UPDATE SET session_id = EXCLUDED.session_id, updated_at = now()")) {
                    for (CliName cli : CliName.values()) {
                        String id = doc.activeId(cli);
                        if (id != null) {
                            ps.setString(1, cli.key());
                            ps.setString(2, id);
                            ps.setString(3, cli.key());
                            pointers += ps.executeUpdate();
                        }
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return new Result(sessions, pointers, skipped);
    }

    private static String json(Session s) {
        try {
            return SessionDocument.JSON.writeValueAsString(s.metadata());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setTime(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }
}
