package com.verivus.gateway.mcp;

import com.verivus.gateway.log.GatewayLog;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The SDK's JSON Schema validator, created on first use instead of when the server is built.
 *
 * <p>The gateway turns the SDK's tool input validation off ({@link InputSchema} does it with field-named
 * messages), yet building a server checks every tool's input and output schema against the JSON Schema
 * meta-schema, which loads and initialises the whole schema library: about a third of a second of a
 * stdio start before the first answer. Those schemas are the gateway's own constants (a test checks
 * them all with the real validator), so the check runs on one background thread instead, half a minute
 * after start-up (on a two-core machine it would otherwise take CPU from the first answers and the first
 * burst of jobs), and a schema
 * that fails it is logged as an error.
 */
final class LazySchemaValidator implements JsonSchemaValidator {

    static final LazySchemaValidator INSTANCE = new LazySchemaValidator();

    private LazySchemaValidator() {
    }

    /** Initialised by the JVM on the first call, exactly once, without a lock of ours. */
    private static final class Delegate {
        static final JsonSchemaValidator VALIDATOR = McpJsonDefaults.getSchemaValidator();
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return Delegate.VALIDATOR.validate(schema, structuredContent);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return Delegate.VALIDATOR.validateSchema(schema);
    }

    @Override
    public void assertConforms(String what, Map<String, Object> schema) {
        pending.add(() -> {
            try {
                Delegate.VALIDATOR.assertConforms(what, schema);
            } catch (RuntimeException e) {
                GatewayLog.error("MCP tool schema check: " + e.getMessage());
            }
        });
        if (checker.compareAndSet(false, true)) {
            Thread.ofVirtual().name("tool-schema-check").start(() -> {
                if (firstCheck.compareAndSet(true, false)) {
                    try {
                        Thread.sleep(FIRST_CHECK_DELAY);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                drain();
            });
        }
    }

    private static final Duration FIRST_CHECK_DELAY = Duration.ofSeconds(30);
    private final AtomicBoolean firstCheck = new AtomicBoolean(true);

    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean checker = new AtomicBoolean();

    private void drain() {
        // the builder queues all schemas at once; a check queued after the drain ended starts a new one
        do {
            for (Runnable check; (check = pending.poll()) != null; ) {
                check.run();
            }
            checker.set(false);
        } while (!pending.isEmpty() && checker.compareAndSet(false, true));
    }
}
