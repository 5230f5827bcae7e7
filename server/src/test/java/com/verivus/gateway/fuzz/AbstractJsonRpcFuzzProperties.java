package com.verivus.gateway.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.verivus.gateway.testing.FakeClis;
import com.verivus.gateway.testing.GatewayProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The JSON-RPC fuzz suite, run against the real gateway process once per transport: every generated
 * message, valid-shaped or broken, gets exactly the answer JSON-RPC 2.0 and MCP 2025-11-25 call for,
 * the gateway answers a ping right after it, and no reply names a Java class.
 *
 * <p>Tries per transport: {@code jqwik.tries.default} (2000 in src/test/resources/junit-platform.properties;
 * more with {@code -Djqwik.tries.default=20000}). With {@code -Dfuzz.census=true} failures are counted
 * instead of failing the run, for measuring a build that is known to be broken. Each run prints its
 * figures to stderr as {@code [fuzz <transport>] ...}.
 */
abstract class AbstractJsonRpcFuzzProperties {

    static final boolean CENSUS = Boolean.getBoolean("fuzz.census");

    abstract FuzzTarget target();

    abstract FuzzLedger ledger();

    @Provide
    Arbitrary<FuzzInput> messages() {
        return JsonRpcInputs.messages();
    }

    @Property
    void everyMessageGetsItsOneAnswerAndTheGatewayStillAnswersPing(@ForAll("messages") FuzzInput input) {
        Verdict verdict = target().exchange(input);
        ledger().record(input, verdict);
        if (!CENSUS) {
            assertThat(verdict.failures()).as(input.toString()).isEmpty();
        }
    }

    /** A gateway launch with its own temp HOME and the fake CLIs first on PATH (none should ever run). */
    static GatewayProcess.Builder launch(Path dir) {
        try {
            Path home = Files.createDirectories(dir.resolve("home"));
            FakeClis fakes = FakeClis.install(dir);
            return GatewayProcess.builder(home)
                    .env(fakes.env(java.util.Map.of()))
                    .env("SYNC_DEADLINE_MS", "2000");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
