package com.verivus.gateway.approval;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.files.PrivateFiles;
import com.verivus.gateway.json.NodeJson;
import com.verivus.gateway.log.GatewayLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** approvals.jsonl: one decision per line, appended under a file lock, created with mode 0600. */
public final class ApprovalLog {

    private static final ObjectMapper JSON = NodeJson.MAPPER;

    private final Path file;

    public ApprovalLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    void append(ApprovalDecision decision) {
        try {
            Files.createDirectories(file.getParent());
            byte[] line = (JSON.writeValueAsString(decision) + "\n").getBytes(StandardCharsets.UTF_8);
            PrivateFiles.createIfMissing(file);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock ignored = ch.lock()) {
                ch.write(java.nio.ByteBuffer.wrap(line));
                ch.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write approval log " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The newest {@code limit} decisions, newest first, optionally for one CLI. Lines that are not JSON
     * are skipped; records written by the Node gateway come back unchanged.
     */
    public List<Map<String, Object>> list(int limit, String cli) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read approval log " + file + ": " + e.getMessage(), e);
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                Map<String, Object> record = JSON.readValue(line, new TypeReference<Map<String, Object>>() { });
                if (cli == null || cli.equals(record.get("cli"))) {
                    records.add(record);
                }
            } catch (IOException e) {
                GatewayLog.debug("approvals.jsonl: skipping unparsable line");
            }
        }
        List<Map<String, Object>> newest = new ArrayList<>(
                records.subList(Math.max(0, records.size() - limit), records.size()));
        Collections.reverse(newest);
        return newest;
    }
}
