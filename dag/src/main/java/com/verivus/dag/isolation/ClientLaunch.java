package com.verivus.dag.isolation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How an MCP client will start (or reach) the gateway, computed from the client's own configuration
 * files: exactly the argv, environment and working directory it will use.
 *
 * @param origin where the entry was found, e.g. {@code ~/.claude.json (user scope)}
 * @param transport {@code stdio}, or the remote type ({@code http}, {@code sse}) with {@code url} set
 * @param addedEnv the variables the client adds to its own environment (settings env, then the server's env)
 */
record ClientLaunch(String client, String origin, String serverName, String transport, List<String> argv,
                    Map<String, String> env, Map<String, String> addedEnv, Path cwd, String url) {

    ClientLaunch {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        addedEnv = Map.copyOf(addedEnv);
    }

    boolean stdio() {
        return transport.equals("stdio");
    }
}
