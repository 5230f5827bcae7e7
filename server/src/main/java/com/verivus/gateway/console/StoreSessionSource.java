package com.verivus.gateway.console;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.session.Session;
import com.verivus.gateway.session.SessionStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link SessionSource} over the session store's overview. */
public final class StoreSessionSource implements SessionSource {

    private final SessionStore store;

    public StoreSessionSource(SessionStore store) {
        this.store = store;
    }

    @Override
    public List<Map<String, Object>> perCli() {
        SessionStore.Overview overview = store.overview(null);
        List<Map<String, Object>> out = new ArrayList<>();
        for (CliName cli : CliName.values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cli", cli.key());
            m.put("activeSessionId", overview.activeSessionIds().get(cli));
            m.put("sessions", overview.sessions().stream().filter(s -> s.cli() == cli).map(Session::toJson).toList());
            out.add(m);
        }
        return out;
    }
}
