package com.verivus.gateway.job;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.process.ExtendedPath;
import com.verivus.gateway.process.ProcessLauncher;
import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.store.SqliteJobStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * A gateway-like process for restart tests: opens the job store at args[0] (HOME args[1], working
 * directory args[2]), starts one claude job with the remaining args, prints {@code JOB <id>}, prints
 * {@code DONE <status>} if the job finishes, and stays alive until it is killed. SIGTERM runs the
 * engine's shutdown.
 */
public final class JobGatewayMain {

    private JobGatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Path home = Path.of(args[1]);
        GatewayEnvironment env = new GatewayEnvironment(Map.of("PATH", home.resolve(".local/bin") + ":/usr/bin:/bin",
                "HOME", home.toString(), ExtendedPath.OVERRIDE_ENV, ""),
                home, Path.of(args[2]));
        SqliteJobStore store = SqliteJobStore.open(db, 86_400_000L);
        JobEngine engine = new JobEngine(JobFixtures.testSettings(), Optional.of(store), new ProcessLauncher(env),
                Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            store.close();
        }));
        String[] cliArgs = Arrays.copyOfRange(args, 3, args.length);
        JobStart start = engine.start(JobFixtures.invocation(CliName.CLAUDE, cliArgs),
                "gateway-" + ProcessHandle.current().pid(), true);
        System.out.println("JOB " + start.job().id());
        System.out.flush();
        engine.awaitTerminal(start.job().id(), Duration.ofHours(1))
                .ifPresent(s -> System.out.println("DONE " + s.status().key()));
        System.out.flush();
        Thread.sleep(Duration.ofHours(1));
    }
}
