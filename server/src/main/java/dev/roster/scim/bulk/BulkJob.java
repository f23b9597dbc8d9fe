package dev.roster.scim.bulk;

import java.util.List;

/**
 * A bulk request read and checked: its operations in order and how many may fail before the rest
 * are skipped ({@code failOnErrors}, RFC 7644 §3.7; without it, every operation runs).
 */
record BulkJob(int failOnErrors, List<BulkEntry> entries) {
  BulkJob {
    entries = List.copyOf(entries);
  }
}
