package com.verivus.gateway.process;

/**
 * How a run ended: the exit code (128 + signal number when killed by a signal, as a shell reports
 * it) and the limit that killed it, if one did.
 */
public record ProcessExit(int exitCode, LimitBreach breach) {
}
