/**
 * The C library calls behind starting CLIs without a thread per child: posix_spawn with its file actions
 * and attributes ({@link com.verivus.gateway.process.posix.PosixSpawn}), and one epoll thread over every
 * child's pipes and pidfd ({@link com.verivus.gateway.process.posix.PipeReactor}), reached through the FFM
 * API. Linux only; the process package falls back to the JDK's ProcessBuilder elsewhere.
 */
package com.verivus.gateway.process.posix;
