package com.verivus.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code GET /api/events}: Server-Sent Events with the job list. An {@code event: jobs} frame carries
 * {@code {jobs: [...]}} (as {@code /api/jobs}) when the list changed since the last frame, checked every
 * {@link #CHECK}; an {@code event: ping} after {@link #KEEP_ALIVE} without one (so the page knows the
 * stream is alive). A stream ends after {@link #MAX_AGE}
 * (the browser's EventSource reconnects by itself), when the client goes away, or when the gateway stops.
 */
final class JobEvents {

    static final Duration CHECK = Duration.ofMillis(250);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(5);
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobSource jobs;
    private final AtomicBoolean stopping;

    JobEvents(JobSource jobs, AtomicBoolean stopping) {
        this.jobs = jobs;
        this.stopping = stopping;
    }

    void stream(ServerResponse res) {
        ConsoleReply.securityHeaders(res);
        res.status(200);
        res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
        long end = System.nanoTime() + MAX_AGE.toNanos();
        long quietSince = System.nanoTime();
        byte[] last = null;
        try (OutputStream out = res.outputStream()) {
            out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!stopping.get() && System.nanoTime() < end) {
                byte[] now = JSON.writeValueAsBytes(Map.of("jobs", jobs.list()));
                if (!Arrays.equals(now, last)) {
                    out.write("event: jobs\ndata: ".getBytes(StandardCharsets.UTF_8));
                    out.write(now); // compact JSON has no newline, so it is one data line
                    out.write("\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    last = now;
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > KEEP_ALIVE.toNanos()) {
                    out.write("event: ping\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    quietSince = System.nanoTime();
                }
                Thread.sleep(CHECK);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job rows are maps of scalars", e);
        } catch (IOException | UncheckedIOException e) {
            // the browser went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
