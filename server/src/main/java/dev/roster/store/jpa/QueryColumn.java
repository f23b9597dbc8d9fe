package dev.roster.store.jpa;

/**
 * A SCIM attribute that a search can use, and the entity field that answers it. Strings that
 * compare ignoring case ({@code caseExact: false}) are answered by a lower-cased column.
 */
record QueryColumn(String field, Kind kind) {
  enum Kind {
    ID,
    STRING_IGNORE_CASE,
    STRING_EXACT,
    BOOLEAN,
    DATE_TIME
  }
}
