package com.verivus.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.session.SessionStore.Activation;
import com.verivus.gateway.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every SessionStore has (reference §7.1, minus the departures in §14.10), run against
 * each implementation by a subclass.
 */
abstract class AbstractSessionStoreContractTest {

    static final Duration TTL = Duration.ofHours(1);

    @TempDir
    Path dataDir;
    MutableClock clock;
    SessionStore store;

    /** A store over {@code dataDir} with the given TTL and clock. */
    abstract SessionStore newStore(Path dataDir, Duration ttl, MutableClock clock);

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-05-20T10:11:12.345Z");
        store = newStore(dataDir, TTL, clock);
    }

    @Test
    void createFillsDefaultsWithMillisecondIsoTimestampsAndAUuid() {
        Session s = store.create(CliName.MISTRAL, null);
        assertThat(s.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(s.cli()).isEqualTo(CliName.MISTRAL);
        assertThat(s.description()).isEqualTo("Mistral Session");
        assertThat(s.createdAt()).isEqualTo("2026-05-20T10:11:12.345Z");
        assertThat(s.lastUsedAt()).isEqualTo("2026-05-20T10:11:12.345Z");
        assertThat(s.metadata()).isNull();
        assertThat(store.get(s.id())).contains(s);
    }

    @Test
    void timestampsAlwaysCarryThreeFractionDigits() {
        clock.set(java.time.Instant.parse("2026-05-20T10:11:12Z"));
        assertThat(store.create(CliName.CLAUDE, "x").createdAt()).isEqualTo("2026-05-20T10:11:12.000Z");
    }

    @Test
    void explicitIdAndDescriptionAreKept() {
        Session s = store.create(CliName.CODEX, "refactor auth", "my-id", Activation.IF_NONE_ACTIVE);
        assertThat(s.id()).isEqualTo("my-id");
        assertThat(s.description()).isEqualTo("refactor auth");
        Session empty = store.create(CliName.CODEX, "", "", Activation.IF_NONE_ACTIVE);
        assertThat(empty.id()).isNotEmpty().isNotEqualTo("my-id");
        assertThat(empty.description()).isEmpty();
    }

    @Test
    void firstSessionOfACliBecomesActiveButLaterOnesDoNot() {
        Session first = store.create(CliName.CLAUDE, "one");
        Session second = store.create(CliName.CLAUDE, "two");
        Session gemini = store.create(CliName.GEMINI, "g");
        assertThat(store.getActive(CliName.CLAUDE)).contains(first);
        assertThat(store.getActive(CliName.GEMINI)).contains(gemini);
        assertThat(store.activeSessionIds()).containsExactlyEntriesOf(ordered(
                CliName.CLAUDE, first.id(), CliName.CODEX, null, CliName.GEMINI, gemini.id(),
                CliName.GROK, null, CliName.MISTRAL, null));
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void activationNeverLeavesEvenTheFirstSessionInactive() {
        Session s = store.create(CliName.GROK, null, null, Activation.NEVER);
        assertThat(store.getActive(CliName.GROK)).isEmpty();
        assertThat(store.get(s.id())).isPresent();
    }

    @Test
    void activationAlwaysReplacesTheActiveSession() {
        store.create(CliName.GROK, "a");
        Session b = store.create(CliName.GROK, "b", null, Activation.ALWAYS);
        assertThat(store.getActive(CliName.GROK)).contains(b);
    }

    @Test
    void listReturnsAllOrOneClisSessionsInCreationOrder() {
        Session a = store.create(CliName.CLAUDE, "a");
        Session b = store.create(CliName.CODEX, "b");
        Session c = store.create(CliName.CLAUDE, "c");
        assertThat(store.list()).containsExactly(a, b, c);
        assertThat(store.list(CliName.CLAUDE)).containsExactly(a, c);
        assertThat(store.list(CliName.MISTRAL)).isEmpty();
        SessionStore.Overview overview = store.overview(CliName.CLAUDE);
        assertThat(overview.sessions()).containsExactly(a, c);
        assertThat(overview.isActive(a)).isTrue();
        assertThat(overview.isActive(c)).isFalse();
        assertThat(overview.activeSessionIds().get(CliName.CODEX)).isEqualTo(b.id());
    }

    @Test
    void setActiveAcceptsOnlyAnExistingUnexpiredSessionOfThatCli() {
        Session claude = store.create(CliName.CLAUDE, "c");
        Session codex = store.create(CliName.CODEX, "x");
        assertThat(store.setActive(CliName.CLAUDE, "nope")).isFalse();
        assertThat(store.setActive(CliName.CLAUDE, codex.id())).isFalse();
        assertThat(store.getActive(CliName.CLAUDE)).contains(claude);
        assertThat(store.setActive(CliName.CLAUDE, null)).isTrue();
        assertThat(store.getActive(CliName.CLAUDE)).isEmpty();
        assertThat(store.setActive(CliName.CLAUDE, claude.id())).isTrue();
        assertThat(store.getActive(CliName.CLAUDE)).contains(claude);
    }

    @Test
    void setActiveOnAnExpiredSessionFailsAndDeletesIt() {
        Session s = store.create(CliName.GEMINI, "g", null, Activation.NEVER);
        clock.advance(TTL.plusMillis(1));
        assertThat(store.setActive(CliName.GEMINI, s.id())).isFalse();
        clock.set(java.time.Instant.parse("2026-05-20T10:11:12.345Z"));
        assertThat(store.get(s.id())).isEmpty(); // deleted, not merely hidden
    }

    @Test
    void sessionsExpireTtlAfterLastUseAndNotBefore() {
        Session s = store.create(CliName.CLAUDE, "c");
        clock.advance(TTL);
        assertThat(store.get(s.id())).as("exactly TTL old is still alive").isPresent();
        store.updateUsage(s.id());
        clock.advance(TTL);
        assertThat(store.get(s.id())).as("use renews the TTL").isPresent();
        assertThat(store.get(s.id()).orElseThrow().lastUsedAt()).isEqualTo("2026-05-20T11:11:12.345Z");
        clock.advance(Duration.ofMillis(1));
        assertThat(store.get(s.id())).isEmpty();
        assertThat(store.getActive(CliName.CLAUDE)).isEmpty();
    }

    @Test
    void listEvictsExpiredSessionsAndClearsTheirActivePointers() {
        Session old = store.create(CliName.CLAUDE, "old");
        clock.advance(Duration.ofMinutes(30));
        Session fresh = store.create(CliName.CODEX, "fresh");
        clock.advance(Duration.ofMinutes(31));
        assertThat(store.list()).containsExactly(fresh);
        assertThat(store.activeSessionIds().get(CliName.CLAUDE)).isNull();
        assertThat(store.activeSessionIds().get(CliName.CODEX)).isEqualTo(fresh.id());
        clock.advance(Duration.ofMinutes(-61));
        assertThat(store.get(old.id())).as("eviction removed it for good").isEmpty();
    }

    @Test
    void expiredActiveSessionDoesNotBlockAutoActivationOfTheNextOne() {
        store.create(CliName.CLAUDE, "old");
        clock.advance(TTL.plusSeconds(1));
        Session next = store.create(CliName.CLAUDE, "next");
        assertThat(store.getActive(CliName.CLAUDE)).contains(next);
    }

    @Test
    void updateUsageIgnoresUnknownIds() {
        store.updateUsage("missing");
        assertThat(store.list()).isEmpty();
    }

    @Test
    void updateMetadataShallowMerges() {
        Session s = store.create(CliName.CODEX, "x");
        assertThat(store.updateMetadata(s.id(), Map.of("codexThreadId", "t-1", "turns", 1))).isTrue();
        assertThat(store.updateMetadata(s.id(), Map.of("turns", 2, "nested", Map.of("a", List.of(1, 2))))).isTrue();
        Map<String, Object> metadata = store.get(s.id()).orElseThrow().metadata();
        assertThat(metadata).containsEntry("codexThreadId", "t-1").containsEntry("turns", 2)
                .containsEntry("nested", Map.of("a", List.of(1, 2)));
        assertThat(store.updateMetadata("missing", Map.of("a", 1))).isFalse();
    }

    @Test
    void updateMetadataOnAnExpiredSessionFails() {
        Session s = store.create(CliName.CODEX, "x");
        clock.advance(TTL.plusMillis(1));
        assertThat(store.updateMetadata(s.id(), Map.of("a", 1))).isFalse();
    }

    @Test
    void deleteRemovesTheSessionAndItsActivePointer() {
        Session s = store.create(CliName.MISTRAL, "m");
        assertThat(store.delete(s.id())).isTrue();
        assertThat(store.delete(s.id())).isFalse();
        assertThat(store.get(s.id())).isEmpty();
        assertThat(store.getActive(CliName.MISTRAL)).isEmpty();
    }

    @Test
    void clearAllCountsAndScopesPerCli() {
        store.create(CliName.CLAUDE, "a");
        store.create(CliName.CLAUDE, "b");
        Session codex = store.create(CliName.CODEX, "c");
        assertThat(store.clearAll(CliName.CLAUDE)).isEqualTo(2);
        assertThat(store.list()).containsExactly(codex);
        assertThat(store.activeSessionIds().get(CliName.CLAUDE)).isNull();
        assertThat(store.activeSessionIds().get(CliName.CODEX)).isEqualTo(codex.id());
        assertThat(store.clearAll(CliName.CLAUDE)).isZero();
        store.create(CliName.GROK, "g");
        assertThat(store.clearAll(null)).isEqualTo(2);
        assertThat(store.list()).isEmpty();
        assertThat(store.activeSessionIds().values()).containsOnlyNulls();
    }

    @Test
    void recreatingAnIdUnderAnotherCliDropsTheOldCliPointer() {
        store.create(CliName.CLAUDE, "a", "shared", Activation.IF_NONE_ACTIVE);
        store.create(CliName.CODEX, "b", "shared", Activation.NEVER);
        assertThat(store.getActive(CliName.CLAUDE)).isEmpty();
        assertThat(store.get("shared").orElseThrow().cli()).isEqualTo(CliName.CODEX);
    }

    @Test
    void aSecondStoreOverTheSameDataSeesTheFirstOnesChanges() {
        SessionStore other = newStore(dataDir, TTL, clock);
        Session s = store.create(CliName.CLAUDE, "shared");
        assertThat(other.get(s.id())).contains(s);
        assertThat(other.delete(s.id())).isTrue();
        assertThat(store.get(s.id())).isEmpty();
    }

    private static Map<CliName, String> ordered(Object... pairs) {
        Map<CliName, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((CliName) pairs[i], (String) pairs[i + 1]);
        }
        return map;
    }
}
