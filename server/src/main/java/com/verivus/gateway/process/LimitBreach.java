package com.verivus.gateway.process;

/** A limit of {@link RunLimits} that made the run kill its process tree. */
public enum LimitBreach {
    /** No output for the idle timeout: exit code 125. */
    IDLE_TIMEOUT,
    /** Only the same line, again and again, for the stall timeout: exit code 125 (an idle timeout to clients). */
    STALLED,
    /** The wall-clock timeout of the direct path: exit code 124. */
    WALL_TIMEOUT,
    /** More than the output cap: exit code 126, output truncated. */
    OUTPUT_OVERFLOW
}
