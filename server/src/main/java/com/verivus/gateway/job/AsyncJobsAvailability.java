package com.verivus.gateway.job;

import com.verivus.gateway.config.PersistenceConfig;
import com.verivus.gateway.config.PersistenceConfig.Backend;
import java.util.Objects;

/**
 * Whether this gateway registers the 8 async/job tools ({@code *_request_async}, {@code llm_job_*}),
 * and if not, why. The invariant: registered iff backend is not none, async jobs are enabled, and a
 * job store actually opened.
 *
 * @param reason null when enabled; otherwise the sentence {@code llm_process_health} shows as
 *               {@code persistence.warning}
 */
public record AsyncJobsAvailability(boolean enabled, String reason) {

    /** The warning text of the Node gateway for backend none, kept word for word. */
    public static final String BACKEND_NONE_WARNING = "Async job persistence is disabled (backend = 'none'). "
            + "*_request_async tools are NOT registered on this gateway. Set [persistence].backend = 'sqlite' "
            + "(or 'memory' + acknowledgeEphemeral = true) to enable them.";

    public AsyncJobsAvailability {
        if (enabled != (reason == null)) {
            throw new IllegalArgumentException("a reason is given exactly when async jobs are unavailable");
        }
    }

    /**
     * Decides from the configuration and the outcome of opening the store.
     *
     * @param storeOpened whether a job store is open and usable
     * @param storeProblem why no store is open (ignored when {@code storeOpened}); e.g. the open error
     */
    public static AsyncJobsAvailability decide(PersistenceConfig config, boolean storeOpened, String storeProblem) {
        Objects.requireNonNull(config, "config");
        if (config.backend() == Backend.NONE || !config.asyncJobsEnabled()) {
            return new AsyncJobsAvailability(false, BACKEND_NONE_WARNING);
        }
        if (storeOpened) {
            return new AsyncJobsAvailability(true, null);
        }
        String why = storeProblem == null || storeProblem.isBlank() ? "no job store is available" : storeProblem;
        return new AsyncJobsAvailability(false, "Async job persistence is unavailable: the '"
                + config.backend().key() + "' job store could not be opened (" + why + "). *_request_async and "
                + "llm_job_* tools are NOT registered on this gateway.");
    }
}
