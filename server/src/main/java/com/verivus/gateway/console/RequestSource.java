package com.verivus.gateway.console;

import java.util.List;
import java.util.Map;

/** The console's view of the flight recorder. */
public interface RequestSource {

    /**
     * The most recent recorded requests matching the filters (null = any), newest first, each with
     * correlationId, cli, model, status, startedAt, durationMs, exitCode, tokens, costUsd and the prompt.
     */
    List<Map<String, Object>> list(String cli, String status, String since, String until, int limit);
}
