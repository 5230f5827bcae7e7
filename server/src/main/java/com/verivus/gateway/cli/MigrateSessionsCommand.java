package com.verivus.gateway.cli;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.config.PersistenceConfigLoader;
import com.verivus.gateway.session.FileSessionStore;
import com.verivus.gateway.session.SessionFileMigration;
import com.verivus.gateway.store.postgres.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gateway migrate-sessions}: copies sessions.json into PostgreSQL (idempotent). */
@Command(name = "migrate-sessions", mixinStandardHelpOptions = true,
        description = "Copies a sessions.json (sessions, descriptions, metadata, timestamps, active pointers) into the "
                + "PostgreSQL session tables. Running it again changes nothing. Exits 1 on any error.")
public final class MigrateSessionsCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "FILE",
            description = "The sessions file (default: sessions.json in the gateway's data directory).")
    Path from;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "postgresql://user:pw@host/db (default: $DATABASE_URL, else [persistence].dsn).")
    String databaseUrl;

    @Spec
    CommandSpec spec;

    private final EnvironmentSource environment;

    public MigrateSessionsCommand() {
        this(EnvironmentSource.SYSTEM);
    }

    MigrateSessionsCommand(EnvironmentSource environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        GatewayEnvironment env = environment.get();
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        try {
            PersistenceConfig persistence = PersistenceConfigLoader.load(env);
            String url = databaseUrl != null ? databaseUrl : env.get("DATABASE_URL").filter(v -> !v.isBlank())
                    .orElse(persistence.backend() == PersistenceConfig.Backend.POSTGRES ? persistence.dsn() : null);
            if (url == null) {
                err.println("gateway migrate-sessions: no database: pass --database-url, set DATABASE_URL, or set "
                        + "[persistence] backend = \"postgres\" with a dsn");
                return 1;
            }
            Path file = from != null ? from : persistence.dataDirectory(env).resolve(FileSessionStore.FILE_NAME);
            if (!Files.isRegularFile(file)) {
                err.println("gateway migrate-sessions: no sessions file at " + file);
                return 1;
            }
            try (PostgresDatabase db = PostgresDatabase.open(url)) {
                SessionFileMigration.Result r = SessionFileMigration.run(file, db);
                out.println("Migrated " + r.sessions() + " session(s) and " + r.activePointers()
                        + " active pointer(s) from " + file + " to " + db.dsn().redacted()
                        + (r.skipped() > 0 ? " (" + r.skipped() + " without any timestamp skipped)" : ""));
                return 0;
            }
        } catch (IOException | SQLException | RuntimeException e) { // incl. JobStoreUnavailableException
            err.println("gateway migrate-sessions: " + e.getMessage());
            return 1;
        }
    }
}
