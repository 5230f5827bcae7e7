package com.verivus.gateway.recorder;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.PersistenceConfig;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the flight recorder's database lives. It follows the configured store location, so
 * per-project isolation moves it with the job store (the Node gateway always used
 * ~/.llm-cli-gateway/logs.db):
 * <ol>
 *   <li>{@code LLM_GATEWAY_LOGS_DB}, when set: trimmed; empty or {@code none} (any case) disables the
 *       recorder; otherwise the file (a leading {@code ~/} is expanded, a relative path is taken from the
 *       working directory);</li>
 *   <li>the SQLite job store's file ({@code [persistence].path}) when the backend is sqlite;</li>
 *   <li>{@code logs.db} in the data directory otherwise.</li>
 * </ol>
 */
public final class FlightRecorderLocation {

    public static final String ENV = "LLM_GATEWAY_LOGS_DB";
    public static final String DISABLED_MESSAGE = "Flight recorder disabled (LLM_GATEWAY_LOGS_DB=none)";
    public static final String FILE_NAME = "logs.db";

    private FlightRecorderLocation() {
    }

    /** The database file, or empty when the recorder is disabled. */
    public static Optional<Path> resolve(GatewayEnvironment env, PersistenceConfig persistence) {
        Optional<String> override = env.get(ENV).map(String::trim);
        if (override.isPresent()) {
            String value = override.get();
            if (value.isEmpty() || value.toLowerCase(Locale.ROOT).equals("none")) {
                return Optional.empty();
            }
            return Optional.of(absolute(env, env.expandHome(value)));
        }
        if (persistence.backend() == PersistenceConfig.Backend.SQLITE && persistence.path() != null) {
            return Optional.of(absolute(env, persistence.path()));
        }
        return Optional.of(persistence.dataDirectory(env).resolve(FILE_NAME));
    }

    private static Path absolute(GatewayEnvironment env, String path) {
        return env.workingDirectory().resolve(path).toAbsolutePath().normalize();
    }
}
