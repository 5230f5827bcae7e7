package com.verivus.gateway.mcp;

import com.verivus.gateway.workspace.CallOrigin;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call of a tool: the validated arguments with typed accessors, a way to report progress to the
 * client (a no-op when the client sent no progress token), and the transport the call came from
 * (which decides, for one, what directories a caller may name).
 */
public final class ToolCall {

    private final String toolName;
    private final Map<String, Object> args;
    private final ProgressReporter progress;
    private final CallOrigin origin;

    public ToolCall(String toolName, Map<String, Object> args, ProgressReporter progress, CallOrigin origin) {
        this.toolName = toolName;
        this.args = args;
        this.progress = progress == null ? ProgressReporter.NONE : progress;
        this.origin = java.util.Objects.requireNonNull(origin, "origin");
    }

    /** A call from the local stdio client. */
    public ToolCall(String toolName, Map<String, Object> args, ProgressReporter progress) {
        this(toolName, args, progress, CallOrigin.STDIO);
    }

    public CallOrigin origin() {
        return origin;
    }

    public String toolName() {
        return toolName;
    }

    public Map<String, Object> arguments() {
        return args;
    }

    public ProgressReporter progress() {
        return progress;
    }

    public boolean has(String name) {
        return args.get(name) != null;
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable((String) args.get(name));
    }

    public String requiredString(String name) {
        return string(name).orElseThrow(() -> new InvalidArgumentsException(name + ": required"));
    }

    public boolean bool(String name) {
        return Boolean.TRUE.equals(args.get(name));
    }

    public Optional<Boolean> optionalBool(String name) {
        return Optional.ofNullable((Boolean) args.get(name));
    }

    public Optional<Long> integer(String name) {
        Object v = args.get(name);
        return v == null ? Optional.empty() : Optional.of(((Number) v).longValue());
    }

    public Optional<Double> number(String name) {
        Object v = args.get(name);
        return v == null ? Optional.empty() : Optional.of(((Number) v).doubleValue());
    }

    @SuppressWarnings("unchecked")
    public Optional<List<String>> strings(String name) {
        return Optional.ofNullable((List<String>) args.get(name));
    }

    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> object(String name) {
        Object v = args.get(name);
        return v instanceof Map<?, ?> ? Optional.of((Map<String, Object>) v) : Optional.empty();
    }

    public Object raw(String name) {
        return args.get(name);
    }
}
