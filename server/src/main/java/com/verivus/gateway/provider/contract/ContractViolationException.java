package com.verivus.gateway.provider.contract;

import com.verivus.gateway.provider.CliName;
import com.verivus.gateway.provider.ProviderRequestException;
import java.util.List;

/**
 * An argv or env the bundled upstream contract refuses; nothing may be spawned with it. The validation
 * tools and {@code review_changes} check every argv of a run before starting any job and throw this too.
 */
public final class ContractViolationException extends ProviderRequestException {

    private final CliName cli;
    private final List<String> violations;

    /** The contract's own refusal; {@code kind} is "contract " or "environment contract ". */
    static ContractViolationException of(CliName cli, String kind, List<String> violations) {
        return new ContractViolationException(cli,
                "Upstream " + cli.key() + " CLI " + kind + "violation: " + String.join("; ", violations), violations);
    }

    /**
     * The refusal of a contract check that failed with {@code detail}: the message is {@code detail} when it
     * already names the upstream contract ("Upstream ..."), else says which CLI's contract it broke.
     */
    public static ContractViolationException refused(CliName cli, RuntimeException failure) {
        if (failure instanceof ContractViolationException violation) {
            return violation;
        }
        String detail = failure.getMessage();
        return new ContractViolationException(cli, detail != null && detail.startsWith("Upstream ") ? detail
                : "Upstream " + cli.key() + " CLI contract violation: " + detail, List.of(String.valueOf(detail)));
    }

    private ContractViolationException(CliName cli, String message, List<String> violations) {
        super(message);
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
