package com.verivus.dag.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the elementary cycles of the {@code depends_on} graph (edge: unit → each unit it depends on).
 *
 * <p>Strongly connected components are found first (iterative Tarjan, linear time, so a 2,000-unit
 * chain neither recurses deeply nor slows down), and cycles are only enumerated inside components that
 * actually contain one. Each cycle is given in its canonical rotation: it starts at its
 * lexicographically smallest unit, which is how the reference validator prints and de-duplicates
 * them. Enumeration stops after {@code limit} cycles, because a dense knot has exponentially many.
 */
public final class CycleFinder {

    /** The cycles found (each without the repeated first node) and whether the limit cut the list short. */
    public record Cycles(List<List<String>> cycles, boolean truncated) {
    }

    /** Bounds the search in a dense knot, where even finding the first few cycles could take long. */
    private static final long STEP_BUDGET = 2_000_000;

    private CycleFinder() {
    }

    public static Cycles find(UnitGraph graph, int limit) {
        Map<String, List<String>> edges = new HashMap<>();
        for (String id : graph.ids()) {
            edges.put(id, List.copyOf(graph.dependsOn(id)));
        }
        List<List<String>> found = new ArrayList<>();
        boolean truncated = false;
        for (Set<String> component : stronglyConnected(graph.ids(), edges)) {
            boolean selfLoop = component.size() == 1
                    && edges.getOrDefault(component.iterator().next(), List.of()).contains(component.iterator().next());
            if (component.size() < 2 && !selfLoop) {
                continue;
            }
            truncated |= enumerate(component, edges, limit, found);
            if (found.size() >= limit) {
                truncated = true;
                break;
            }
        }
        found.sort((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        return new Cycles(List.copyOf(found), truncated);
    }

    /**
     * Cycles inside one component, each started from its smallest node: for every start node in
     * ascending order, search paths back to it through larger nodes only, so each cycle is met once.
     */
    private static boolean enumerate(Set<String> component, Map<String, List<String>> edges, int limit,
                                     List<List<String>> out) {
        TreeSet<String> nodes = new TreeSet<>(component);
        long budget = STEP_BUDGET;
        for (String start : nodes) {
            Deque<String> path = new ArrayDeque<>();
            Set<String> onPath = new HashSet<>();
            Deque<java.util.Iterator<String>> frames = new ArrayDeque<>();
            path.addLast(start);
            onPath.add(start);
            frames.push(edges.get(start).iterator());
            while (!frames.isEmpty()) {
                java.util.Iterator<String> next = frames.peek();
                if (!next.hasNext()) {
                    frames.pop();
                    onPath.remove(path.removeLast());
                    continue;
                }
                String to = next.next();
                if (--budget < 0) {
                    return true;
                }
                if (to.equals(start)) {
                    out.add(List.copyOf(path));
                    if (out.size() >= limit) {
                        return true;
                    }
                } else if (component.contains(to) && to.compareTo(start) > 0 && !onPath.contains(to)) {
                    path.addLast(to);
                    onPath.add(to);
                    frames.push(edges.get(to).iterator());
                }
            }
        }
        return false;
    }

    /** Iterative Tarjan over the known units; edges to unknown units are ignored (they cannot close a cycle). */
    static List<Set<String>> stronglyConnected(List<String> ids, Map<String, List<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> components = new ArrayList<>();
        int counter = 0;
        for (String root : ids) {
            if (index.containsKey(root)) {
                continue;
            }
            Deque<String> work = new ArrayDeque<>();
            Deque<java.util.Iterator<String>> iters = new ArrayDeque<>();
            index.put(root, counter);
            low.put(root, counter++);
            stack.push(root);
            onStack.add(root);
            work.push(root);
            iters.push(edges.get(root).iterator());
            while (!work.isEmpty()) {
                String v = work.peek();
                java.util.Iterator<String> it = iters.peek();
                if (it.hasNext()) {
                    String w = it.next();
                    if (!edges.containsKey(w)) {
                        continue;
                    }
                    if (!index.containsKey(w)) {
                        index.put(w, counter);
                        low.put(w, counter++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(w);
                        iters.push(edges.get(w).iterator());
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                iters.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek();
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    Set<String> component = new HashSet<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    components.add(component);
                }
            }
        }
        return components;
    }
}
