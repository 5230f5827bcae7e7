package com.verivus.gateway.console;

import java.util.function.Supplier;

/**
 * What the console reads and acts on, handed in by whoever builds the HTTP routes.
 *
 * @param processHealth the {@code llm_process_health} JSON text (null while unavailable)
 * @param cliVersions   the {@code cli_versions} JSON text: versions and login state per CLI (null while unavailable)
 */
public record ConsoleSources(JobSource jobs, RequestSource requests, SessionSource sessions,
                             Supplier<String> processHealth, Supplier<String> cliVersions) {
}
