package com.verivus.gateway.recorder;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.log.GatewayLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The flight recorder: one {@code requests} row and one {@code gateway_metadata} row per request,
 * keyed by the request's own id (the caller's correlation id is a column, shared by as many requests as
 * reuse it), written when the request starts and updated once when it reaches its final
 * outcome. Datasette-friendly (plain tables, ISO timestamps).
 *
 * <p>No method throws into the caller: a recorder problem is logged and the request goes on.
 */
public interface FlightRecorder extends AutoCloseable {

    /** Records a request as {@code started}. A request id already recorded is logged and ignored. */
    void logStart(RequestStart start);

    /**
     * Records the final outcome of a started request. Only a row still {@code started} is updated, so a
     * second call for the same request id changes nothing.
     */
    void logComplete(RequestOutcome outcome);

    /**
     * Links a recorded request to the job that runs it (a sync request that was deferred, an async
     * request whose job id is known only after the row was started). Changes nothing when the request
     * was not recorded.
     */
    void linkAsyncJob(String requestId, String asyncJobId);

    /**
     * The recorded requests with this correlation id, the most recent first (a client may reuse an id,
     * so there can be several); empty when there is none or the recorder is disabled. Never throws.
     */
    default List<RecordedRequest> find(String correlationId) {
        return List.of();
    }

    /**
     * The most recent recorded requests that match the query, newest first (at most its limit); empty
     * when the recorder is disabled. Never throws.
     */
    default List<RecordedRequest> list(RequestQuery query) {
        return List.of();
    }

    /** The database file, or empty when the recorder is disabled. */
    Optional<Path> file();

    /** Closes the database; later calls are logged and ignored. */
    @Override
    void close();

    /**
     * Opens the recorder where the configuration puts it (see {@link FlightRecorderLocation}), logging
     * to stderr. A disabled recorder or a file that cannot be opened gives the no-op recorder: the
     * gateway still starts.
     */
    static FlightRecorder open(GatewayEnvironment env, PersistenceConfig persistence) {
        return open(env, persistence, GatewayLog::info, GatewayLog::warn);
    }

    /** As {@link #open(GatewayEnvironment, PersistenceConfig)}, with the log lines handed to the consumers. */
    static FlightRecorder open(GatewayEnvironment env, PersistenceConfig persistence, Consumer<String> info,
                               Consumer<String> warn) {
        Optional<Path> location = FlightRecorderLocation.resolve(env, persistence);
        if (location.isEmpty()) {
            info.accept(FlightRecorderLocation.DISABLED_MESSAGE);
            return new NoopFlightRecorder();
        }
        try {
            return SqliteFlightRecorder.open(location.get());
        } catch (Exception e) {
            warn.accept("Failed to open flight recorder at " + location.get() + "; requests will not be recorded ("
                    + e.getMessage() + ")");
            return new NoopFlightRecorder();
        }
    }
}
