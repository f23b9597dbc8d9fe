package dev.roster.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on stderr, so that stdout carries only the report. */
final class Progress {
  private Progress() {}

  static void say(String line) {
    System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
  }
}
