package com.verivus.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.session.SessionStore.Activation;
import com.verivus.gateway.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The file store: the shared contract plus the sessions.json format, permissions and atomic replace. */
class FileSessionStoreTest extends AbstractSessionStoreContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLAUDE_ID = "0b6f3c1e-5d2a-4c8e-9f10-2a3b4c5d6e7f";

    @Override
    SessionStore newStore(Path dataDir, Duration ttl, MutableClock clock) {
        return new FileSessionStore(dataDir, ttl, clock);
    }

    /** The Node default TTL, so that the fixture's sessions are all alive at 2026-05-20T12:00Z. */
    private SessionStore thirtyDayStore() {
        return new FileSessionStore(dataDir, Duration.ofDays(30), clock);
    }

    private Path file() {
        return dataDir.resolve("sessions.json");
    }

    private static String fixture() throws IOException {
        try (InputStream in = FileSessionStoreTest.class.getResourceAsStream("/sessions/node-sessions.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesTheNodeLayoutWithTwoSpaceIndentAndAllFiveActivePointers() throws IOException {
        store.create(CliName.CLAUDE, "first", "s-1", Activation.IF_NONE_ACTIVE);
        assertThat(Files.readString(file())).isEqualTo("""
                {
                  "sessions": {
                    "s-1": {
                      "id": "s-1",
                      "cli": "claude",
                      "createdAt": "2026-05-20T10:11:12.345Z",
                      "lastUsedAt": "2026-05-20T10:11:12.345Z",
                      "description": "first"
                    }
                  },
                  "activeSession": {
                    "claude": "s-1",
                    "codex": null,
                    "gemini": null,
                    "grok": null,
                    "mistral": null
                  }
                }""");
        store.clearAll(null);
        assertThat(Files.readString(file())).isEqualTo("""
                {
                  "sessions": {},
                  "activeSession": {
                    "claude": null,
                    "codex": null,
                    "gemini": null,
                    "grok": null,
                    "mistral": null
                  }
                }""");
    }

    @Test
    void fileIsOwnerOnlyEvenWhenItWasWorldReadableBefore() throws IOException {
        store.create(CliName.CODEX, "x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        store.create(CliName.CODEX, "y");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
    }

    @Test
    void eachSaveReplacesTheFileByRenameAndLeavesNoTempFile() throws IOException {
        store.create(CliName.CODEX, "x");
        Object inodeBefore = Files.getAttribute(file(), "unix:ino");
        store.create(CliName.CODEX, "y");
        Object inodeAfter = Files.getAttribute(file(), "unix:ino");
        assertThat(inodeAfter).as("a new file was renamed over the old one").isNotEqualTo(inodeBefore);
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("sessions.json", "sessions.json.lock");
        }
    }

    @Test
    void readsDoNotRewriteTheFile() throws IOException {
        Files.writeString(file(), fixture());
        clock.set(Instant.parse("2026-05-20T12:00:00Z"));
        SessionStore store = thirtyDayStore();
        Object inode = Files.getAttribute(file(), "unix:ino");
        store.list();
        store.get("codex-main");
        store.activeSessionIds();
        assertThat(Files.getAttribute(file(), "unix:ino")).isEqualTo(inode);
    }

    @Test
    void createsTheDataDirectoryWhenMissing() {
        SessionStore nested = new FileSessionStore(dataDir.resolve("a/b"), TTL, clock);
        nested.create(CliName.GROK, "g");
        assertThat(dataDir.resolve("a/b/sessions.json")).exists();
    }

    @Test
    void loadsAFileWrittenByTheNodeGatewayWithEveryFieldUnchanged() throws IOException {
        Files.writeString(file(), fixture());
        clock.set(Instant.parse("2026-05-20T12:00:00Z"));
        SessionStore node = new FileSessionStore(dataDir, SessionTtl.from(
                new com.verivus.gateway.config.GatewayEnvironment(Map.of(), dataDir, dataDir)), clock);

        List<Session> sessions = node.list();
        assertThat(sessions).extracting(Session::id).containsExactly(CLAUDE_ID, "codex-main",
                "b1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f", "gw-7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f", "vibe-1");
        Session claude = sessions.get(0);
        assertThat(claude.cli()).isEqualTo(CliName.CLAUDE);
        assertThat(claude.createdAt()).isEqualTo("2026-05-20T10:11:12.345Z");
        assertThat(claude.lastUsedAt()).isEqualTo("2026-05-20T10:15:00.001Z");
        assertThat(claude.description()).isEqualTo("Überprüfung der Auth-Schicht ✨");
        assertThat(claude.metadata()).isNull();
        Session codex = sessions.get(1);
        assertThat(codex.metadata()).containsEntry("codexThreadId", "019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a5b")
                .containsEntry("turns", 3).containsEntry("ratio", 0.25)
                .containsEntry("flags", List.of("resumed", "json"));
        assertThat(sessions.get(2).otherFields()).containsEntry("pinned", true);
        assertThat(sessions.get(4).metadata()).isEmpty();
        assertThat(node.activeSessionIds()).containsEntry(CliName.CLAUDE, CLAUDE_ID)
                .containsEntry(CliName.CODEX, "codex-main").containsEntry(CliName.GEMINI, null)
                .containsEntry(CliName.GROK, "gw-7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f")
                .containsEntry(CliName.MISTRAL, null);
        assertThat(node.get("future-cli-1")).as("sessions of unknown CLIs are not served").isEmpty();
    }

    @Test
    void aMutationRewritesTheNodeFileByteForByteExceptWhatChanged() throws IOException {
        String original = fixture();
        Files.writeString(file(), original);
        clock.set(Instant.parse("2026-05-20T12:00:00Z"));
        SessionStore store = thirtyDayStore();
        assertThat(store.setActive(CliName.GEMINI, "b1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f")).isTrue();
        String expected = original.replace("\"gemini\": null", "\"gemini\": \"b1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f\"");
        assertThat(Files.readString(file())).isEqualTo(expected);
    }

    @Test
    void metadataMergeKeepsUnknownFieldsAndOtherSessionsIntact() throws IOException {
        Files.writeString(file(), fixture());
        clock.set(Instant.parse("2026-05-20T12:00:00Z"));
        SessionStore store = thirtyDayStore();
        store.updateMetadata("codex-main", Map.of("turns", 4));
        store.updateMetadata("b1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f", Map.of("note", "x"));

        JsonNode before = JSON.readTree(fixture());
        JsonNode after = JSON.readTree(Files.readString(file()));
        JsonNode codex = after.at("/sessions/codex-main/metadata");
        assertThat(codex.get("turns").asInt()).isEqualTo(4);
        JsonNode rest = ((com.fasterxml.jackson.databind.node.ObjectNode) codex.deepCopy()).without("turns");
        JsonNode restBefore = ((com.fasterxml.jackson.databind.node.ObjectNode) before.at("/sessions/codex-main/metadata")
                .deepCopy()).without("turns");
        assertThat((Object) rest).isEqualTo(restBefore);
        JsonNode gemini = after.at("/sessions/b1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f");
        assertThat(gemini.get("pinned").asBoolean()).isTrue();
        assertThat(gemini.at("/metadata/note").asText()).isEqualTo("x");
        assertThat((Object) after.at("/sessions/future-cli-1")).isEqualTo(before.at("/sessions/future-cli-1"));
        assertThat((Object) after.at("/sessions/" + CLAUDE_ID)).isEqualTo(before.at("/sessions/" + CLAUDE_ID));
    }

    @Test
    void unknownTopLevelKeysAndForeignActivePointersSurviveAWrite() throws IOException {
        Files.writeString(file(), """
                {"version": 2, "sessions": {}, "activeSession": {"claude": null, "cursor": "c-1"}}""");
        store.create(CliName.CODEX, "x");
        JsonNode after = JSON.readTree(Files.readString(file()));
        assertThat(after.get("version").asInt()).isEqualTo(2);
        assertThat(after.at("/activeSession/cursor").asText()).isEqualTo("c-1");
        assertThat(after.at("/activeSession/mistral").isNull()).isTrue();
    }

    @Test
    void clearAllWithoutCliAlsoRemovesSessionsOfUnknownClis() throws IOException {
        Files.writeString(file(), fixture());
        clock.set(Instant.parse("2026-05-20T12:00:00Z"));
        SessionStore store = thirtyDayStore();
        assertThat(store.clearAll(null)).isEqualTo(6);
        assertThat(JSON.readTree(Files.readString(file())).get("sessions").size()).isZero();
    }

    @Test
    void sessionWithUnparsableLastUsedAtCountsAsExpired() throws IOException {
        Files.writeString(file(), """
                {"sessions": {"a": {"id": "a", "cli": "claude", "createdAt": "x", "lastUsedAt": "not a date"}},
                 "activeSession": {"claude": "a", "codex": null, "gemini": null, "grok": null, "mistral": null}}""");
        assertThat(store.list()).isEmpty();
        assertThat(JSON.readTree(Files.readString(file())).at("/activeSession/claude").isNull()).isTrue();
    }

    @Test
    void invalidUtf8InsideAValueIsReadLikeNodeReadsIt() throws IOException {
        byte[] head = """
                {"sessions": {"a": {"id": "a", "cli": "claude", "createdAt": "2026-05-20T10:11:12.345Z",
                 "lastUsedAt": "2026-05-20T10:11:12.345Z", "description": "caf""".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}}, \"activeSession\": {}}".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, content, 0, head.length);
        content[head.length] = (byte) 0xE9; // Latin-1 é, not valid UTF-8
        System.arraycopy(tail, 0, content, head.length + 1, tail.length);
        Files.write(file(), content);
        assertThat(store.get("a").orElseThrow().description()).isEqualTo("caf\uFFFD");
    }

    @Test
    void corruptFileIsMovedAsideNotDestroyedAndTheStoreStartsEmpty() throws IOException {
        Files.writeString(file(), "{\"sessions\": {oops");
        assertThat(store.list()).isEmpty();
        try (Stream<Path> files = Files.list(dataDir)) {
            List<Path> kept = files.filter(p -> p.getFileName().toString()
                    .matches("sessions\\.json\\.corrupt-\\d{8}T\\d{9}Z")).toList();
            assertThat(kept).hasSize(1);
            assertThat(Files.readString(kept.get(0))).isEqualTo("{\"sessions\": {oops");
        }
        Session s = store.create(CliName.CLAUDE, "after");
        assertThat(store.list()).containsExactly(s);
        assertThat(store.getActive(CliName.CLAUDE)).contains(s);
    }

    @Test
    void theActiveSessionLookupOnACorruptFileMovesItAsideAsEveryOperationDoes() throws IOException {
        Files.writeString(file(), "{\"sessions\": {oops");
        assertThat(store.getActive(CliName.CLAUDE)).isEmpty();
        assertThat(file()).doesNotExist();
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(".corrupt-")).count()).isEqualTo(1);
        }
    }

    @Test
    void theActiveSessionLookupClearsAnExpiredPointerInTheFile() throws IOException {
        Session s = store.create(CliName.CLAUDE, "c");
        Object inode = Files.getAttribute(file(), "unix:ino");
        assertThat(store.getActive(CliName.CLAUDE)).contains(s);
        assertThat(Files.getAttribute(file(), "unix:ino")).as("a plain lookup writes nothing").isEqualTo(inode);
        clock.advance(TTL.plusMillis(1));
        assertThat(store.getActive(CliName.CLAUDE)).isEmpty();
        JsonNode saved = JSON.readTree(file().toFile());
        assertThat(saved.path("activeSession").path("claude").isNull()).isTrue();
        assertThat(saved.path("sessions").has(s.id())).isFalse();
    }

    @Test
    void structurallyWrongFilesAreTreatedAsCorruptToo() throws IOException {
        for (String bad : List.of("[]", "{\"sessions\": []}", "{\"activeSession\": 5}", "", "{} trailing")) {
            Files.writeString(file(), bad);
            assertThat(store.list()).as(bad).isEmpty();
            assertThat(file()).as(bad).doesNotExist();
            clock.advance(Duration.ofMillis(1));
        }
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.filter(p -> p.getFileName().toString().contains(".corrupt-")).count()).isEqualTo(5);
        }
    }

    @Test
    void twoStoresHammeringTheSameFileFromManyThreadsLoseNothing() throws Exception {
        FileSessionStore a = new FileSessionStore(dataDir, TTL, clock);
        FileSessionStore b = new FileSessionStore(dataDir, TTL, clock);
        Session shared = a.create(CliName.CODEX, "shared", "shared", Activation.NEVER);
        int threads = 8;
        int perThread = 10;
        List<Thread> workers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            FileSessionStore s = t % 2 == 0 ? a : b;
            int thread = t;
            workers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    s.create(CliName.values()[i % 5], null, "t" + thread + "-" + i, Activation.IF_NONE_ACTIVE);
                    s.updateMetadata(shared.id(), Map.of("t" + thread + "-" + i, i));
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        assertThat(a.list()).hasSize(threads * perThread + 1);
        assertThat(b.get("shared").orElseThrow().metadata()).hasSize(threads * perThread);
        assertThat(b.activeSessionIds().values()).doesNotContainNull();
    }
}
