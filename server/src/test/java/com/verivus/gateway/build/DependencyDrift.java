package com.verivus.gateway.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares an entry script's {@code //DEPS} with the dependencies of the module(s) whose sources it
 * pulls in, and lists every difference in words.
 *
 * <ul>
 *   <li>A script that pulls module sources ({@code //SOURCES}) declares exactly the modules'
 *       group:artifact set; a script without module sources (a stub) may declare only a subset.</li>
 *   <li>A version the script pins equals the version the poms state; entries the poms leave to an
 *       imported BOM compare by group:artifact only.</li>
 *   <li>A script entry without a version must be BOM-managed in Maven too (else JBang would not know
 *       the version Maven uses), and then the script must import a BOM.</li>
 *   <li>Every BOM the script imports is imported by the parent pom with the same version.</li>
 * </ul>
 */
final class DependencyDrift {

    private DependencyDrift() {
    }

    static List<String> problems(EntryScript script, List<ModulePom> modules, boolean exact) {
        String name = script.file().getFileName().toString();
        List<String> problems = new ArrayList<>();
        Map<String, Coordinate> pom = new LinkedHashMap<>();
        List<Coordinate> pomBoms = new ArrayList<>();
        for (ModulePom m : modules) {
            m.dependencies().forEach(d -> pom.putIfAbsent(d.key(), d));
            pomBoms.addAll(m.importedBoms());
        }
        Map<String, Coordinate> deps = new LinkedHashMap<>();
        List<Coordinate> scriptBoms = new ArrayList<>();
        for (Coordinate c : script.deps()) {
            if (c.bom()) {
                scriptBoms.add(c);
            } else if (deps.putIfAbsent(c.key(), c) != null) {
                problems.add(name + " declares " + c.key() + " twice");
            }
        }

        Set<String> extra = new TreeSet<>(deps.keySet());
        extra.removeAll(pom.keySet());
        for (String key : extra) {
            problems.add(name + " declares " + key + " but the pom does not depend on it");
        }
        if (exact) {
            Set<String> missing = new TreeSet<>(pom.keySet());
            missing.removeAll(deps.keySet());
            for (String key : missing) {
                problems.add(name + " lacks " + key + " that the pom depends on (" + pom.get(key) + ")");
            }
        }
        for (Coordinate c : deps.values()) {
            Coordinate p = pom.get(c.key());
            if (p == null) {
                continue;
            }
            if (c.version() != null && p.version() != null && !c.version().equals(p.version())) {
                problems.add(name + " pins " + c + " but the pom uses " + p.version());
            }
            if (c.version() == null && p.version() != null) {
                problems.add(name + " leaves the version of " + c.key() + " open but the pom pins " + p.version()
                        + ": pin it in the script");
            }
            if (c.version() == null && scriptBoms.isEmpty()) {
                problems.add(name + " leaves the version of " + c.key() + " to a BOM but imports none");
            }
        }
        for (Coordinate bom : scriptBoms) {
            boolean same = pomBoms.stream().anyMatch(b -> b.key().equals(bom.key())
                    && b.version() != null && b.version().equals(bom.version()));
            if (!same) {
                problems.add(name + " imports BOM " + bom + " but the parent pom imports "
                        + pomBoms.stream().filter(b -> b.key().equals(bom.key())).map(Coordinate::toString)
                        .findFirst().orElse("no such BOM"));
            }
        }
        return problems;
    }
}
