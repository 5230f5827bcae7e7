package com.verivus.gateway.changereview;

import com.verivus.gateway.provider.CliName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One review_changes call, checked.
 *
 * @param base      null = merge base with the upstream branch, else HEAD~1
 * @param judge     null = no judge
 * @param timeLimit how long reviewers (and then the judge) may run; the rest are canceled
 */
public record ChangeReviewRequest(Path repo, String base, Set<ChangePart> include, List<CliName> providers,
                                  CliName judge, String focus, int maxBytes, Duration timeLimit) {

    public ChangeReviewRequest {
        Objects.requireNonNull(repo, "repo");
        include = Set.copyOf(include);
        providers = List.copyOf(providers);
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("providers must name at least one reviewer");
        }
        if (providers.stream().distinct().count() != providers.size()) {
            throw new IllegalArgumentException("providers must not repeat a provider");
        }
        Objects.requireNonNull(timeLimit, "timeLimit");
    }
}
