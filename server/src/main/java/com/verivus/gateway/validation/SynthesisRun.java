package com.verivus.gateway.validation;

import java.util.List;

/**
 * What synthesize_validation did: the judge's synthesis, over the provider results as they are now
 * (each result with a job of this gateway's store re-read, so that one handed in as running counts
 * with the state its job really reached).
 */
public record SynthesisRun(Synthesis synthesis, List<NormalizedResult> providerResults) {

    public SynthesisRun {
        providerResults = List.copyOf(providerResults);
    }
}
