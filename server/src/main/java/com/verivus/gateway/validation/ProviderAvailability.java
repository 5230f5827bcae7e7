package com.verivus.gateway.validation;

import com.verivus.gateway.doctor.ProviderStatus;
import com.verivus.gateway.provider.CliName;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Tells a validation run which provider CLIs are installed (and logged in), so that a missing one
 * is reported as skipped instead of failing as a job. {@link VersionProbe} is the default; the
 * doctor's fuller provider probe can stand in for it.
 */
@FunctionalInterface
public interface ProviderAvailability {

    /** The status of one CLI; must not throw (a failed probe is a not-installed status with the reason). */
    ProviderStatus status(CliName cli);

    /** The statuses of several CLIs, probed concurrently, in the given order. */
    default Map<CliName, ProviderStatus> statuses(Collection<CliName> clis) {
        List<CliName> list = List.copyOf(clis);
        Map<CliName, ProviderStatus> out = new LinkedHashMap<>();
        if (list.size() == 1) {
            out.put(list.getFirst(), status(list.getFirst()));
            return out;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<CliName, CompletableFuture<ProviderStatus>> futures = new LinkedHashMap<>();
            for (CliName cli : list) {
                futures.put(cli, CompletableFuture.supplyAsync(() -> status(cli), pool));
            }
            futures.forEach((cli, f) -> out.put(cli, f.join()));
        }
        return out;
    }
}
