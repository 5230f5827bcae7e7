package com.verivus.gateway.fuzz;

/** A live gateway behind one transport: sends an input, then a ping, and judges what came back. */
interface FuzzTarget extends AutoCloseable {

    /** Ids of the pings sent after each input start with this; generated ids never do. */
    String SENTINEL_PREFIX = "sentinel-";

    /** Sends one input and then a ping; every rule broken by the replies is a failure of the verdict. */
    Verdict exchange(FuzzInput input);

    @Override
    void close();
}
