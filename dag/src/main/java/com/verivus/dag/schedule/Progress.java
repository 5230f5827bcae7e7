package com.verivus.dag.schedule;

/** Done units over all units (spec §2.7: progress = done / total). */
public record Progress(int done, int total) {

    public double fraction() {
        return total == 0 ? 1.0 : (double) done / total;
    }

    @Override
    public String toString() {
        return done + "/" + total + " done (" + Math.round(fraction() * 100) + "%)";
    }
}
