package dev.roster.store.jpa;

import java.util.Map;

/** Where the values of one attribute path live, as far as searching and sorting are concerned. */
sealed interface Stored {
  /** A column of the resource's own row ({@code e}). */
  record Column(Operand operand, boolean unique, boolean nullable) implements Stored {}

  /** Rows of {@code user_value} whose path is the attribute path's key. */
  record Values() implements Stored {}

  /**
   * Memberships seen from one side: a user's {@code groups}, a group's {@code members}. Each
   * element is a row of {@code from} meeting {@code where}; {@code owner} is the resource it
   * belongs to, {@code item} identifies the element, {@code subs} are its sub-attributes by
   * lower-case name.
   */
  record Relation(String from, String where, String owner, String item, Map<String, Operand> subs)
      implements Stored {}

  /** Not searchable, for the reason given to the client. */
  record Refused(String reason) implements Stored {}
}
