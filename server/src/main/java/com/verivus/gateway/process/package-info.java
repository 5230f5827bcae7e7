/**
 * Spawning CLI processes without a shell (posix_spawn with one thread watching every child's pipes and exit,
 * or the JDK's ProcessBuilder as the fallback), capturing their output under a size cap and an idle timeout,
 * and controlling each process together with all its descendants (SIGTERM, then SIGKILL).
 */
package com.verivus.gateway.process;
