package com.verivus.gateway.request;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a request tool answers, before the MCP layer turns it into a tool result (§1.2 shapes).
 * Bodies keep their key order and may hold null values.
 */
public sealed interface RequestReply {

    /** The CLI answered: text for the model, structuredContent with model, cli, ids, duration, tokens. */
    record Success(String text, Map<String, Object> structuredContent) implements RequestReply {
        public Success {
            Objects.requireNonNull(text, "text");
            structuredContent = frozen(structuredContent);
        }
    }

    /** The CLI ran and failed (non-zero exit, idle timeout 125, missing binary 127, ...). */
    record CliFailure(String cli, int exitCode, String stderr, String correlationId) implements RequestReply {
    }

    /**
     * The handler failed around the run (session I/O, the job engine refusing, the direct path's
     * spawn error or open circuit): code 1, category spawn_error.
     *
     * @param operation a provider key for sync tools, the tool name for async tools (as the Node gateway)
     */
    record HandlerError(String operation, String correlationId, Throwable error) implements RequestReply {
    }

    /** The sync deadline passed; the job keeps running: {@code {status:"deferred", jobId, ...}}. */
    record Deferred(Map<String, Object> body) implements RequestReply {
        public Deferred {
            body = frozen(body);
        }
    }

    /** Refused before anything ran (approval denied, Claude MCP config unavailable): an isError JSON body. */
    record Refused(Map<String, Object> body) implements RequestReply {
        public Refused {
            body = frozen(body);
        }
    }

    /** An async job was started (or an identical one reused): {@code {success:true, job, ...}}. */
    record Started(Map<String, Object> body) implements RequestReply {
        public Started {
            body = frozen(body);
        }
    }

    private static Map<String, Object> frozen(Map<String, Object> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
