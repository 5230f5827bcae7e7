package com.verivus.gateway.upgrade;

import com.verivus.gateway.config.GatewayEnvironment;
import com.verivus.gateway.process.BoundedCommand;
import com.verivus.gateway.process.BoundedCommand.Outcome;
import java.time.Duration;
import java.util.Map;

/**
 * Runs an upgrade plan once, bounded by a timeout. Unlike the Node gateway (§14.16) it reports
 * failure when the command exits non-zero or times out, and never retries: a timed-out installer
 * may have done half its work, and running it again would only race the first.
 */
public final class UpgradeRunner {

    /** What an executed upgrade did. */
    public record Execution(boolean success, Integer exitCode, String stdout, String stderr, boolean timedOut,
                            String error) {
    }

    private final GatewayEnvironment env;

    public UpgradeRunner(GatewayEnvironment env) {
        this.env = env;
    }

    public Execution run(UpgradePlan plan, Duration timeout) {
        Outcome o = BoundedCommand.run(plan.argv(), env, Map.of(), timeout, BoundedCommand.DEFAULT_OUTPUT_CAP);
        String shown = String.join(" ", plan.argv());
        if (!o.started()) {
            return new Execution(false, 127, o.stdout(), o.stderr(), false, o.error());
        }
        if (o.timedOut()) {
            return new Execution(false, null, o.stdout(), o.stderr(), true, shown + " timed out after "
                    + BoundedCommand.describe(timeout) + " and was stopped; it was not retried");
        }
        if (o.exitCode() != 0) {
            return new Execution(false, o.exitCode(), o.stdout(), o.stderr(), false,
                    shown + " failed with exit code " + o.exitCode());
        }
        return new Execution(true, 0, o.stdout(), o.stderr(), false, null);
    }
}
