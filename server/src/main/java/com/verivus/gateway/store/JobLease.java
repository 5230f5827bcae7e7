package com.verivus.gateway.store;

import java.time.Instant;

/**
 * Who holds a running row and the last sign of life: the heartbeat, or for rows without one (written
 * by the Node gateway) the start time.
 */
public record JobLease(String id, Instant startedAt, JobOwner owner, Instant heartbeatAt) {

    public Instant lastSignOfLife() {
        return heartbeatAt != null ? heartbeatAt : startedAt;
    }
}
