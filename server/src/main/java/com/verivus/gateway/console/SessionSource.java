package com.verivus.gateway.console;

import java.util.List;
import java.util.Map;

/** The console's view of the session store. */
public interface SessionSource {

    /** Per CLI: {cli, activeSessionId, sessions: [...]}, in the CLIs' canonical order. */
    List<Map<String, Object>> perCli();
}
