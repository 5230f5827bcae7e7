package com.verivus.gateway.mcp.tools.request;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.GatewayRuntime;
import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.mcp.GatewayTool;
import com.verivus.gateway.mcp.ProgressReporter;
import com.verivus.gateway.mcp.ToolCatalog;
import com.verivus.gateway.testing.FakeClis;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A real gateway runtime in this JVM with the fake CLIs on its PATH, its own temp HOME and working
 * directory, and a clean environment (only PATH, HOME, LANG, FAKE_CLI_RECORD and what a test adds).
 * Tools are called through {@link ToolCatalog#invoke}; the flight recorder and the job store are the real
 * SQLite file at ~/.llm-cli-gateway/logs.db.
 */
final class RequestGateway implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final Path home;
    final Path work;
    final FakeClis fakes;
    final GatewayRuntime runtime;

    private RequestGateway(Path dir, Map<String, String> extra) {
        try {
            this.home = Files.createDirectories(dir.resolve("home"));
            this.work = Files.createDirectories(dir.resolve("work"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.fakes = FakeClis.install(dir);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("HOME", home.toString());
        vars.put("LANG", "C.UTF-8");
        vars.putAll(fakes.env(Map.of()));
        vars.putAll(extra);
        this.runtime = GatewayRuntime.start(new GatewayEnvironment(vars, home, work));
    }

    static RequestGateway start(Path dir, Map<String, String> env) {
        return new RequestGateway(dir, env);
    }

    static RequestGateway start(Path dir) {
        return start(dir, Map.of());
    }

    /** Writes ~/.llm-cli-gateway/config.toml under {@code dir}'s home before the gateway starts. */
    static void writeConfig(Path dir, String toml) {
        try {
            Path file = dir.resolve("home/.llm-cli-gateway/config.toml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, toml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<GatewayTool> tool(String name) {
        return runtime.catalog().tools().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    List<String> toolNames() {
        return runtime.catalog().tools().stream().map(GatewayTool::name).toList();
    }

    /** metrics://performance as a client reads it; whole numbers as Long, as PerformanceMetrics counts them. */
    Map<String, Object> metrics() {
        try {
            String text = runtime.catalog().resources().stream()
                    .filter(r -> r.uri().equals("metrics://performance")).findFirst().orElseThrow().read();
            return JSON.readerFor(new TypeReference<LinkedHashMap<String, Object>>() { })
                    .with(DeserializationFeature.USE_LONG_FOR_INTS).readValue(text);
        } catch (Exception e) {
            throw new AssertionError("metrics://performance could not be read as JSON", e);
        }
    }

    CallToolResult call(String name, Map<String, Object> args) {
        return call(name, args, ProgressReporter.NONE);
    }

    CallToolResult call(String name, Map<String, Object> args, ProgressReporter progress) {
        GatewayTool tool = tool(name).orElseThrow(() -> new AssertionError("no tool " + name + " in " + toolNames()));
        return ToolCatalog.invoke(tool, args, progress);
    }

    static String text(CallToolResult r) {
        return ((TextContent) r.content().getFirst()).text();
    }

    static Map<String, Object> json(CallToolResult r) {
        try {
            return JSON.readValue(text(r), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text(r), e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(CallToolResult r) {
        return (Map<String, Object>) r.structuredContent();
    }

    Path logsDb() {
        return home.resolve(".llm-cli-gateway/logs.db");
    }

    /** The requests row joined with its gateway_metadata row, or null. */
    Map<String, Object> recorderRow(String correlationId) {
        List<Map<String, Object>> rows = query("SELECT * FROM requests r JOIN gateway_metadata m ON m.request_id = r.id "
                + "WHERE r.correlation_id = ?", correlationId);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    List<Map<String, Object>> query(String sql, Object... params) {
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + logsDb());
             PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
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
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> argv(Map<String, Object> record) {
        return (List<String>) record.get("argv");
    }

    /** Polls a condition (tests only). */
    static void eventually(Duration timeout, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + "ms waiting for " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        runtime.close();
    }
}
