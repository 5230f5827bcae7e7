package com.verivus.gateway.store;

/**
 * Events that a store shared by several gateways delivers from any of them. Delivery is best effort
 * (a lost connection loses events), so a listener treats them as hints and re-reads the row.
 * Called on the store's listener thread: implementations return quickly.
 */
public interface JobSignalListener {

    /** A job reached a terminal state (written by any gateway). */
    void jobFinished(String id);

    /** Some gateway asked for this running job to be canceled. */
    void cancelRequested(String id);
}
