package com.verivus.gateway.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.json.IsoTimestamps;
import com.verivus.gateway.json.NodeJson;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.store.postgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Sessions in PostgreSQL (tables {@code sessions} and {@code active_sessions} of
 * {@code db/postgres/V2__sessions.sql}, the Node gateway's shape), shared by every gateway on the
 * database. Each operation is one transaction; the active pointer is a row per CLI, so "activate if
 * none is active" is a single conditional upsert and two gateways cannot both win it. Deleting a
 * session drops its active pointer by the foreign key's cascade. The TTL is enforced as by the file
 * store (expired sessions are deleted when an operation meets them), unlike the Node manager.
 */
public final class PostgresSessionStore implements SessionStore {

    private static final ObjectMapper JSON = NodeJson.MAPPER;
    private static final String COLUMNS = "id, cli, description, metadata::text AS metadata, created_at, last_used_at";

    private final PostgresDatabase db;
    private final long ttlMillis;
    private final Clock clock;
    private volatile BiConsumer<String, CliName> onExpiredDelete = (id, cli) -> { };

    public PostgresSessionStore(PostgresDatabase db, Duration ttl, Clock clock) {
        this.db = db;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
    }

    /** Told of every session this store deletes because it expired (a cache in front drops its copies). */
    void onExpiredDelete(BiConsumer<String, CliName> listener) {
        this.onExpiredDelete = listener;
    }

    @Override
    public Session create(CliName cli, String description, String id, Activation activation) {
        return tx(c -> {
            evictExpired(c);
            String sessionId = id == null || id.isEmpty() ? UUID.randomUUID().toString() : id;
            Instant now = now();
            // an id reused across CLIs must not stay active for the CLI it no longer belongs to
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM active_sessions WHERE session_id = ? AND cli <> ?")) {
                ps.setString(1, sessionId);
                ps.setString(2, cli.key());
                ps.executeUpdate();
            }
            String desc = description == null ? defaultDescription(cli) : description;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (id, cli, description, metadata, "
                    + "created_at, last_used_at) VALUES (?, ?, ?, NULL, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                    + "cli = EXCLUDED.cli, description = EXCLUDED.description, metadata = NULL, "
                    + "created_at = EXCLUDED.created_at, last_used_at = EXCLUDED.last_used_at")) {
                ps.setString(1, sessionId);
                ps.setString(2, cli.key());
                ps.setString(3, desc);
                setTime(ps, 4, now);
                setTime(ps, 5, now);
                ps.executeUpdate();
            }
            switch (activation) {
                case ALWAYS -> pointActive(c, cli, sessionId, false);
                case NEVER -> { }
                case IF_NONE_ACTIVE -> {
                    liveActive(c, cli); // clears a stale pointer first
                    pointActive(c, cli, sessionId, true);
                }
            }
            String ts = IsoTimestamps.format(now);
            return new Session(sessionId, cli, ts, ts, desc, null, null);
        });
    }

    @Override
    public Optional<Session> get(String id) {
        return tx(c -> live(c, id));
    }

    @Override
    public List<Session> list() {
        return tx(c -> {
            evictExpired(c);
            return select(c, null);
        });
    }

    @Override
    public List<Session> list(CliName cli) {
        return tx(c -> {
            evictExpired(c);
            return select(c, cli);
        });
    }

    @Override
    public boolean setActive(CliName cli, String id) {
        return tx(c -> {
            if (id == null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM active_sessions WHERE cli = ?")) {
                    ps.setString(1, cli.key());
                    ps.executeUpdate();
                }
                return true;
            }
            Optional<Session> session = live(c, id);
            if (session.isEmpty() || session.get().cli() != cli) {
                return false;
            }
            pointActive(c, cli, id, false);
            return true;
        });
    }

    @Override
    public Optional<Session> getActive(CliName cli) {
        return tx(c -> liveActive(c, cli));
    }

    @Override
    public Map<CliName, String> activeSessionIds() {
        return tx(this::activeIds);
    }

    @Override
    public Overview overview(CliName cliOrNull) {
        return tx(c -> {
            evictExpired(c);
            return new Overview(select(c, cliOrNull), activeIds(c));
        });
    }

    @Override
    public void updateUsage(String id) {
        tx(c -> {
            if (live(c, id).isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET last_used_at = ? WHERE id = ?")) {
                    setTime(ps, 1, now());
                    ps.setString(2, id);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** A shallow merge done by the database ({@code jsonb ||}), so concurrent merges of other keys both stay. */
    @Override
    public boolean updateMetadata(String id, Map<String, Object> metadata) {
        String update;
        try {
            update = JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata is not JSON: " + e.getMessage(), e);
        }
        return tx(c -> {
            if (live(c, id).isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET metadata = "
                    + "COALESCE(metadata, '{}'::jsonb) || ?::jsonb WHERE id = ?")) {
                ps.setString(1, update);
                ps.setString(2, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean delete(String id) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Every CLI's active pointer goes with its sessions (the cascade), not only three CLIs' as in Node. */
    @Override
    public int clearAll(CliName cliOrNull) {
        return tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(cliOrNull == null ? "DELETE FROM sessions"
                    : "DELETE FROM sessions WHERE cli = ?")) {
                if (cliOrNull != null) {
                    ps.setString(1, cliOrNull.key());
                }
                return ps.executeUpdate();
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    private void pointActive(Connection c, CliName cli, String id, boolean onlyIfNone) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO active_sessions (cli, session_id, updated_at) "
                + "VALUES (?, ?, ?) ON CONFLICT (cli) DO UPDATE SET session_id = EXCLUDED.session_id, "
                + "updated_at = EXCLUDED.updated_at" + (onlyIfNone ? " WHERE active_sessions.session_id IS NULL" : ""))) {
            ps.setString(1, cli.key());
            ps.setString(2, id);
            setTime(ps, 3, now());
            ps.executeUpdate();
        }
    }

    private Optional<Session> live(Connection c, String id) throws SQLException {
        if (id == null) {
            return Optional.empty();
        }
        Optional<Session> session;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sessions WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                session = rs.next() ? Optional.of(session(rs)) : Optional.empty();
            }
        }
        if (session.isPresent() && expired(session.get())) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            onExpiredDelete.accept(id, session.get().cli());
            return Optional.empty();
        }
        return session;
    }

    private Optional<Session> liveActive(Connection c, CliName cli) throws SQLException {
        String id;
        try (PreparedStatement ps = c.prepareStatement("SELECT session_id FROM active_sessions WHERE cli = ?")) {
            ps.setString(1, cli.key());
            try (ResultSet rs = ps.executeQuery()) {
                id = rs.next() ? rs.getString(1) : null;
            }
        }
        if (id == null) {
            return Optional.empty();
        }
        Optional<Session> session = live(c, id).filter(s -> s.cli() == cli);
        if (session.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM active_sessions WHERE cli = ?")) {
                ps.setString(1, cli.key());
                ps.executeUpdate();
            }
        }
        return session;
    }

    private Map<CliName, String> activeIds(Connection c) throws SQLException {
        Map<CliName, String> ids = new EnumMap<>(CliName.class);
        for (CliName cli : CliName.values()) {
            ids.put(cli, liveActive(c, cli).map(Session::id).orElse(null));
        }
        return ids;
    }

    private List<Session> select(Connection c, CliName cliOrNull) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sessions"
                + (cliOrNull == null ? "" : " WHERE cli = ?") + " ORDER BY seq")) {
            if (cliOrNull != null) {
                ps.setString(1, cliOrNull.key());
            }
            List<Session> sessions = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sessions.add(session(rs));
                }
            }
            return sessions;
        }
    }

    private void evictExpired(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE last_used_at < ? RETURNING id, cli")) {
            setTime(ps, 1, now().minusMillis(ttlMillis));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String cliKey = rs.getString(2);
                    String id = rs.getString(1);
                    CliName.fromKey(cliKey).ifPresent(cli -> onExpiredDelete.accept(id, cli));
                }
            }
        }
    }

    private boolean expired(Session session) {
        Optional<Instant> lastUsed = session.lastUsed();
        return lastUsed.isEmpty() || clock.millis() - lastUsed.get().toEpochMilli() > ttlMillis;
    }

    private static Session session(ResultSet rs) throws SQLException {
        String cliKey = rs.getString("cli");
        CliName cli = CliName.fromKey(cliKey).orElseThrow(() -> new SQLException("unknown cli '" + cliKey + "'"));
        String json = rs.getString("metadata");
        Map<String, Object> metadata = null;
        if (json != null) {
            try {
                metadata = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
            } catch (JsonProcessingException e) {
                throw new SQLException("session metadata is not a JSON object: " + e.getMessage(), e);
            }
        }
        return new Session(rs.getString("id"), cli, time(rs, "created_at"), time(rs, "last_used_at"),
                rs.getString("description"), metadata, null);
    }

    private static String time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : IsoTimestamps.format(t.toInstant());
    }

    private static void setTime(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    private static String defaultDescription(CliName cli) {
        return Character.toUpperCase(cli.key().charAt(0)) + cli.key().substring(1) + " Session";
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** One transaction; a database error becomes a {@link SessionStoreException} naming the operation. */
    private <T> T tx(Work<T> work) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is broken; the pool discards it
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new SessionStoreException("The session store is unavailable (PostgreSQL " + db.dsn().redacted()
                    + "): " + e.getMessage(), e);
        }
    }
}
