package org.linli.platform;

/**
 * A module's share of the demo district. Loaded once per database, in {@link #order()}, and only
 * when demo mode is on. Implementations must be deterministic (fixed seed) so every run is the same.
 */
public interface DemoDataSet {

    /** Stable name recorded in the database once loaded, e.g. {@code centers}. */
    String name();

    /** Lower loads first; a data set may rely on those with a lower order. */
    int order();

    /** Runs inside the loader's transaction. */
    void load();
}
