package com.verivus.gateway.recorder;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a recorder database with plain JDBC, the way a test checks what a user would find in it. */
final class RecorderDatabase {

    private RecorderDatabase() {
    }

    static List<Map<String, Object>> query(Path file, String sql) throws SQLException {
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    static Map<String, Object> request(Path file, String id) throws SQLException {
        List<Map<String, Object>> rows = query(file, "SELECT * FROM requests WHERE id = '" + id + "'");
        return rows.isEmpty() ? null : rows.get(0);
    }

    static Map<String, Object> metadata(Path file, String id) throws SQLException {
        List<Map<String, Object>> rows = query(file, "SELECT * FROM gateway_metadata WHERE request_id = '" + id + "'");
        return rows.isEmpty() ? null : rows.get(0);
    }

    static List<String> columns(Path file, String table) throws SQLException {
        return query(file, "PRAGMA table_info(" + table + ")").stream().map(r -> (String) r.get("name")).toList();
    }

    static void execute(Path file, String... statements) throws SQLException {
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = conn.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
