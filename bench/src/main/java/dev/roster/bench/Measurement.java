package dev.roster.bench;

/**
 * One scenario in one repetition at one size, with the baseline's throughput measured in the same
 * repetition (the mean of a run before and a run after the scenarios, so a machine that slows down
 * during a repetition does not favour the scenarios that ran early).
 */
record Measurement(int users, int repetition, LoadResult result, double baselineThroughput) {
  double ratio() {
    return baselineThroughput == 0 ? 0 : result.throughput() / baselineThroughput;
  }
}
