package com.verivus.gateway.validation;

import com.verivus.gateway.provider.CliName;
import java.util.Objects;

/**
 * What a validation run needs to know about a provider CLI before it starts a job for it.
 *
 * @param installed whether the CLI is there and answers
 * @param version the first line the CLI printed for {@code --version}, or null
 * @param login its login state ({@link LoginStatus#NOT_CHECKED} when the probe does not look)
 * @param problem why it counts as not installed (null when installed)
 */
public record ProviderStatus(CliName cli, boolean installed, String version, LoginStatus login, String problem) {

    public ProviderStatus {
        Objects.requireNonNull(cli, "cli");
        Objects.requireNonNull(login, "login");
    }

    public static ProviderStatus installed(CliName cli, String version, LoginStatus login) {
        return new ProviderStatus(cli, true, version, login, null);
    }

    public static ProviderStatus missing(CliName cli, String problem) {
        return new ProviderStatus(cli, false, null, LoginStatus.NOT_CHECKED, problem);
    }
}
