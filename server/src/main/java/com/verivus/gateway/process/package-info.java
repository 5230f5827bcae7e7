/**
 * Spawning CLI processes without a shell, capturing their output on virtual threads under a size cap and an
 * idle timeout, and controlling each process together with all its descendants (SIGTERM, then SIGKILL).
 */
package com.verivus.gateway.process;
