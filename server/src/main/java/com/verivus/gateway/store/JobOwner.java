package com.verivus.gateway.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The gateway process that runs a job: host name, pid and that process's start time. The start time
 * tells a live owner from an unrelated process that later got the same pid.
 *
 * @param processStartedAt null when the platform does not report it
 */
public record JobOwner(String host, long pid, Instant processStartedAt) {

    private static final JobOwner CURRENT = detect();

    /** This JVM. */
    public static JobOwner current() {
        return CURRENT;
    }

    public boolean sameHost(JobOwner other) {
        return other != null && host.equals(other.host);
    }

    /** The same process: host and pid equal, start times equal to the second (when both are known). */
    public boolean sameProcess(JobOwner other) {
        return sameHost(other) && pid == other.pid && sameStart(processStartedAt, other.processStartedAt);
    }

    /**
     * Start times of one process as seen by two JVMs may differ by rounding (boot time is read in
     * whole seconds), so they match within one second.
     */
    public static boolean sameStart(Instant a, Instant b) {
        if (a == null || b == null) {
            return true;
        }
        return Math.abs(a.toEpochMilli() - b.toEpochMilli()) <= 1000;
    }

    private static JobOwner detect() {
        ProcessHandle self = ProcessHandle.current();
        Instant started = self.info().startInstant().map(i -> i.truncatedTo(ChronoUnit.MILLIS)).orElse(null);
        return new JobOwner(hostName(), self.pid(), started);
    }

    /** The kernel's host name (no DNS lookup), else $HOSTNAME, else what Java resolves. */
    static String hostName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
