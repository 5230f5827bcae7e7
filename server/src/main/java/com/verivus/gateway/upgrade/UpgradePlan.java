package com.verivus.gateway.upgrade;

import com.verivus.gateway.provider.CliName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a CLI would be upgraded: the command and arguments run, and the strategy behind them
 * ({@code self-update}, {@code npm-global-install}, {@code pip-install}, {@code uv-tool-upgrade},
 * {@code brew-upgrade}).
 */
public record UpgradePlan(CliName cli, String target, String command, List<String> args, String strategy,
                          boolean requiresNetwork, String note) {

    public UpgradePlan {
        args = List.copyOf(args);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cli", cli.key());
        m.put("target", target);
        m.put("command", command);
        m.put("args", args);
        m.put("strategy", strategy);
        m.put("requiresNetwork", requiresNetwork);
        if (note != null) {
            m.put("note", note);
        }
        return m;
    }

    /** command and args as one list, for running. */
    public List<String> argv() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(command), args.stream()).toList();
    }
}
