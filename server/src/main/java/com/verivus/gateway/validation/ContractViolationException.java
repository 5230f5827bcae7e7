package com.verivus.gateway.validation;

import com.verivus.gateway.provider.CliName;

/**
 * A validation job's argv broke its CLI's upstream contract; thrown before any job of the run is
 * started, as the request tools refuse such argv before spawning.
 */
public final class ContractViolationException extends RuntimeException {

    private final CliName cli;

    public ContractViolationException(CliName cli, String detail) {
        super(detail != null && detail.startsWith("Upstream ") ? detail
                : "Upstream " + cli.key() + " CLI contract violation: " + detail);
        this.cli = cli;
    }

    public CliName cli() {
        return cli;
    }
}
