package com.verivus.gateway.doctor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The doctor's next actions, ordered by what blocks the user most: a gateway that cannot start or serve
 * comes first, then CLIs that are installed but cannot answer (logged out, hanging), then missing CLIs,
 * then advice about exposing the endpoint, then tuning. Within a rank the order of discovery is kept.
 */
final class NextActions {

    /** How much an action blocks, most first. */
    enum Rank {
        GATEWAY_BLOCKED, PROVIDER_BLOCKED, PROVIDER_MISSING, EXPOSURE, TUNING
    }

    private record Action(Rank rank, int order, String text) {
    }

    private final List<Action> actions = new ArrayList<>();

    void add(Rank rank, String text) {
        actions.add(new Action(rank, actions.size(), text));
    }

    void addAll(Rank rank, List<String> texts) {
        texts.forEach(t -> add(rank, t));
    }

    boolean isEmpty() {
        return actions.isEmpty();
    }

    List<String> ordered() {
        return actions.stream().sorted(Comparator.comparing(Action::rank).thenComparingInt(Action::order))
                .map(Action::text).toList();
    }
}
