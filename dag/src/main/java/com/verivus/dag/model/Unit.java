package com.verivus.dag.model;

import java.util.List;

/** One {@code [units.Uxx]} table of a document that passed validation. */
public record Unit(String id, String name, String summary, int layer, int tier, UnitStatus status,
                   List<String> dependsOn, List<String> blocks, long estimatedLoc, List<String> filesModify,
                   List<String> filesCreate, List<String> produces, List<String> consumes) {

    public Unit {
        dependsOn = List.copyOf(dependsOn);
        blocks = List.copyOf(blocks);
        filesModify = List.copyOf(filesModify);
        filesCreate = List.copyOf(filesCreate);
        produces = List.copyOf(produces);
        consumes = List.copyOf(consumes);
    }
}
