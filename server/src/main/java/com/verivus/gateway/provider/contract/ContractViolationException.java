package com.verivus.gateway.provider.contract;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.ProviderRequestException;
import java.util.List;

/** An argv or env the bundled upstream contract refuses; nothing may be spawned with it. */
public final class ContractViolationException extends ProviderRequestException {

    private final CliName cli;
    private final List<String> violations;

    ContractViolationException(CliName cli, String kind, List<String> violations) {
        super("Upstream " + cli.key() + " CLI " + kind + "violation: " + String.join("; ", violations));
        this.cli = cli;
        this.violations = List.copyOf(violations);
    }

    public CliName cli() {
        return cli;
    }

    public List<String> violations() {
        return violations;
    }
}
