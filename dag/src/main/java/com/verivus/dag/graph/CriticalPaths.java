package com.verivus.dag.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The longest paths through the {@code blocks} graph, node-weighted by {@code estimated_loc}: what the
 * spec calls the critical path. Several paths can tie; {@link #path()} is the one found by always
 * taking the earliest unit in document order, {@link #count()} how many tie (saturating at
 * {@link Long#MAX_VALUE}), and {@link #examples()} the first few of them.
 *
 * @param loc the summed estimated_loc of a longest path
 */
public record CriticalPaths(long loc, List<String> path, long count, List<List<String>> examples) {

    /**
     * Computes the longest paths, or empty when the {@code blocks} graph has a cycle (there is no
     * longest path then; the cycle rule reports it).
     */
    public static Optional<CriticalPaths> of(UnitGraph graph, int exampleLimit) {
        if (graph.size() == 0) {
            return Optional.of(new CriticalPaths(0, List.of(), 0, List.of()));
        }
        Map<String, List<String>> successors = new HashMap<>();
        Map<String, Integer> indegree = new HashMap<>();
        Comparator<String> byPosition = Comparator.comparingInt(graph::position);
        for (String id : graph.ids()) {
            indegree.putIfAbsent(id, 0);
        }
        for (String id : graph.ids()) {
            List<String> next = new ArrayList<>();
            for (String to : graph.blocks(id)) {
                if (graph.contains(to)) {
                    next.add(to);
                    indegree.merge(to, 1, Integer::sum);
                }
            }
            next.sort(byPosition);
            successors.put(id, next);
        }
        List<String> topo = topologicalOrder(graph.ids(), successors, new HashMap<>(indegree));
        if (topo.size() != graph.size()) {
            return Optional.empty();
        }
        // down[v]: the heaviest path that starts at v; ties[v]: how many paths reach that weight.
        Map<String, Long> down = new HashMap<>();
        Map<String, Long> ties = new HashMap<>();
        for (int i = topo.size() - 1; i >= 0; i--) {
            String v = topo.get(i);
            long best = 0;
            long count = 1;
            boolean any = false;
            for (String s : successors.get(v)) {
                long d = down.get(s);
                if (!any || d > best) {
                    best = d;
                    count = ties.get(s);
                    any = true;
                } else if (d == best) {
                    count = saturatingAdd(count, ties.get(s));
                }
            }
            down.put(v, graph.loc(v) + best);
            ties.put(v, count);
        }
        List<String> sources = graph.ids().stream().filter(id -> indegree.get(id) == 0).toList();
        long longest = sources.stream().mapToLong(down::get).max().orElse(0);
        long total = 0;
        for (String s : sources) {
            if (down.get(s) == longest) {
                total = saturatingAdd(total, ties.get(s));
            }
        }
        List<List<String>> examples = new ArrayList<>();
        for (String s : sources) {
            if (down.get(s) == longest) {
                collect(s, successors, down, graph, exampleLimit, examples);
            }
            if (examples.size() >= exampleLimit) {
                break;
            }
        }
        return Optional.of(new CriticalPaths(longest, examples.getFirst(), total, List.copyOf(examples)));
    }

    /**
     * Depth-first walk along tight edges only (those that keep the path at maximum weight). One shared
     * path is extended and shortened in place, so a 5,000-unit chain costs linear time, not quadratic.
     */
    private static void collect(String source, Map<String, List<String>> successors, Map<String, Long> down,
                                UnitGraph graph, int limit, List<List<String>> out) {
        List<String> path = new ArrayList<>();
        Deque<java.util.Iterator<String>> frames = new ArrayDeque<>();
        path.add(source);
        frames.push(tight(source, successors, down, graph));
        if (successors.get(source).isEmpty()) {
            out.add(List.copyOf(path));
            return;
        }
        while (!frames.isEmpty() && out.size() < limit) {
            java.util.Iterator<String> next = frames.peek();
            if (!next.hasNext()) {
                frames.pop();
                path.removeLast();
                continue;
            }
            String s = next.next();
            path.add(s);
            if (successors.get(s).isEmpty()) {
                out.add(List.copyOf(path));
                path.removeLast();
            } else {
                frames.push(tight(s, successors, down, graph));
            }
        }
    }

    private static java.util.Iterator<String> tight(String from, Map<String, List<String>> successors,
                                                    Map<String, Long> down, UnitGraph graph) {
        long need = down.get(from) - graph.loc(from);
        return successors.get(from).stream().filter(s -> down.get(s) == need).iterator();
    }

    private static List<String> topologicalOrder(List<String> ids, Map<String, List<String>> successors,
                                                 Map<String, Integer> indegree) {
        Deque<String> ready = new ArrayDeque<>();
        for (String id : ids) {
            if (indegree.get(id) == 0) {
                ready.add(id);
            }
        }
        List<String> order = new ArrayList<>(ids.size());
        while (!ready.isEmpty()) {
            String v = ready.poll();
            order.add(v);
            for (String s : successors.get(v)) {
                if (indegree.merge(s, -1, Integer::sum) == 0) {
                    ready.add(s);
                }
            }
        }
        return order;
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
