package dev.roster.bench;

import java.util.Map;

/**
 * One sync run the bench triggered or waited for: its wall time as the server recorded it (started
 * to finished), its status and counts, and the heap during it (from the GC log).
 */
record SyncPhase(
    String directory,
    int repetition,
    String phase,
    String status,
    double seconds,
    Map<String, Long> counts,
    GcLog.Peak heap) {}
