package com.verivus.gateway.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Samples processes from /proc: liveness, state letter, CPU share since the previous sample and
 * resident memory. Off Linux every /proc value is null. Keeps one previous sample per pid; call
 * {@link #retain} with the pids still of interest so samples of finished processes are dropped.
 */
public final class ProcessSampler {

    private record CpuSample(long processJiffies, long totalJiffies) {
    }

    private final Path proc;
    private final Clock clock;
    private final Map<Long, CpuSample> previous = new ConcurrentHashMap<>();

    public ProcessSampler(Clock clock) {
        this(Path.of("/proc"), clock);
    }

    ProcessSampler(Path proc, Clock clock) {
        this.proc = proc;
        this.clock = clock;
    }

    public ProcessHealth sample(long pid) {
        boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        String state = null;
        Double cpu = null;
        List<String> stat = statFields(pid);
        if (stat != null && !stat.isEmpty()) {
            state = stat.get(0);
            Long total = totalJiffies();
            if (stat.size() > 12 && total != null) {
                try {
                    long jiffies = Long.parseLong(stat.get(11)) + Long.parseLong(stat.get(12));
                    CpuSample now = new CpuSample(jiffies, total);
                    CpuSample before = previous.put(pid, now);
                    if (before != null) {
                        // two samples inside one clock tick: no time has passed, no CPU used
                        cpu = now.totalJiffies > before.totalJiffies
                                ? 100.0 * (now.processJiffies - before.processJiffies)
                                        / (now.totalJiffies - before.totalJiffies)
                                : 0.0;
                    }
                } catch (NumberFormatException e) {
                    // malformed stat line: no CPU figure
                }
            }
        }
        return new ProcessHealth(pid, alive, state, cpu, rssKb(pid), clock.instant());
    }

    /** Forgets samples of every pid not in {@code pids}. */
    public void retain(Set<Long> pids) {
        previous.keySet().retainAll(pids);
    }

    /** The fields after the command name: [0] = state, [11] = utime, [12] = stime. */
    List<String> statFields(long pid) {
        try {
            String line = Files.readString(proc.resolve(Long.toString(pid)).resolve("stat"));
            return parseStat(line);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The command name may contain spaces and parentheses, so split after the LAST ')'. */
    static List<String> parseStat(String line) {
        int close = line.lastIndexOf(')');
        if (close < 0 || close + 1 >= line.length()) {
            return null;
        }
        String rest = line.substring(close + 1).trim();
        return rest.isEmpty() ? null : List.of(rest.split("\\s+"));
    }

    private Long totalJiffies() {
        try {
            for (String line : Files.readAllLines(proc.resolve("stat"))) {
                if (line.startsWith("cpu ")) {
                    long sum = 0;
                    for (String field : line.substring(4).trim().split("\\s+")) {
                        sum += Long.parseLong(field);
                    }
                    return sum;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private Long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(proc.resolve(Long.toString(pid)).resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
