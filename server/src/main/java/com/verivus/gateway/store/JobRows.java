package com.verivus.gateway.store;

import static com.verivus.gateway.store.NullableColumns.intOrNull;
import static com.verivus.gateway.store.NullableColumns.longOrNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.verivus.gateway.json.NodeJson;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Rows of the {@code jobs} table, whose columns are the same in SQLite and PostgreSQL; only timestamps are
 * stored differently (ISO text, timestamptz), so each store says how it reads one.
 */
public final class JobRows {

    /** Every column of a job, in the order the stores insert them. */
    public static final String COLUMNS = "id, correlation_id, request_key, cli, args_json, output_format, status, "
            + "exit_code, stdout, stderr, output_truncated, error, started_at, finished_at, pid, expires_at, "
            + "owner_host, owner_pid, owner_started_at, heartbeat_at, working_dir";

    /** How a store reads a timestamp column (null for NULL). */
    @FunctionalInterface
    public interface TimeColumn {
        Instant read(ResultSet rs, String column) throws SQLException;
    }

    private JobRows() {
    }

    /** The job in the current row of a {@code SELECT} of {@link #COLUMNS}. */
    public static JobRecord record(ResultSet rs, TimeColumn time) throws SQLException {
        String status = rs.getString("status");
        return new JobRecord(rs.getString("id"), rs.getString("correlation_id"), rs.getString("request_key"),
                rs.getString("cli"), args(rs.getString("args_json")), rs.getString("output_format"),
                JobStatus.fromKey(status).orElseThrow(() -> new SQLException("unknown job status '" + status + "'")),
                intOrNull(rs, "exit_code"), rs.getString("stdout"), rs.getString("stderr"),
                rs.getBoolean("output_truncated"), rs.getString("error"), time.read(rs, "started_at"),
                time.read(rs, "finished_at"), longOrNull(rs, "pid"), time.read(rs, "expires_at"), owner(rs, time),
                time.read(rs, "heartbeat_at"), rs.getString("working_dir"));
    }

    /** The lease of a running job from {@code id, started_at, owner_*, heartbeat_at}. */
    public static JobLease lease(ResultSet rs, TimeColumn time) throws SQLException {
        return new JobLease(rs.getString("id"), time.read(rs, "started_at"), owner(rs, time),
                time.read(rs, "heartbeat_at"));
    }

    private static JobOwner owner(ResultSet rs, TimeColumn time) throws SQLException {
        String host = rs.getString("owner_host");
        Long pid = longOrNull(rs, "owner_pid");
        if (host == null || pid == null) {
            return null;
        }
        return new JobOwner(host, pid, time.read(rs, "owner_started_at"));
    }

    private static List<String> args(String json) throws SQLException {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return NodeJson.MAPPER.readValue(json, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new SQLException("args_json is not a JSON array of strings: " + e.getMessage(), e);
        }
    }
}
