package dev.roster.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One run of the synchronizer for one source: mode, status, timings, counts per action, the reasons
 * a safety check blocked it, and the error that failed it.
 */
public record SyncRun(
    UUID id,
    String source,
    String mode,
    String status,
    Instant started,
    Instant finished,
    Map<String, Integer> counts,
    List<String> reasons,
    String error) {}
