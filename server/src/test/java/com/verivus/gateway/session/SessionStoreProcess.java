package com.verivus.gateway.session;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.provider.CliName;
import java.nio.file.Path;
import java.util.Map;

/**
 * A tiny gateway-like process for the cross-process tests: {@code create <dataDir> <prefix> <count>}
 * creates sessions {@code <prefix>-0..count-1}, cycling through the CLIs and merging one metadata
 * key into the session "shared" each time; {@code list <dataDir>} prints the number of sessions.
 */
public final class SessionStoreProcess {

    private SessionStoreProcess() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        FileSessionStore store = new FileSessionStore(dir, GatewayEnvironment.fromSystem());
        switch (args[0]) {
            case "create" -> {
                String prefix = args[2];
                int count = Integer.parseInt(args[3]);
                for (int i = 0; i < count; i++) {
                    store.create(CliName.values()[i % 5], null, prefix + "-" + i, SessionStore.Activation.IF_NONE_ACTIVE);
                    store.updateMetadata("shared", Map.of(prefix + "-" + i, i));
                }
            }
            case "list" -> System.out.println(store.list().size());
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }
}
