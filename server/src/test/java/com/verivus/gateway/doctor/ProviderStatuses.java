package com.verivus.gateway.doctor;

import com.verivus.gateway.provider.CliName;
import java.util.List;

/** Provider statuses for tests that stand in for a probe. */
public final class ProviderStatuses {

    private ProviderStatuses() {
    }

    /** Installed, answering {@code version}, with the login state given (as a login check would find it). */
    public static ProviderStatus installed(CliName cli, String version, LoginStatus login) {
        return new ProviderStatus(cli, cli.executable(), "/usr/bin/" + cli.executable(), true, version,
                List.of(cli.executable(), "--version"), version, "", null, login,
                new LoginCheck("cli", List.of(cli.executable()), "not_checked", "stub"));
    }
}
