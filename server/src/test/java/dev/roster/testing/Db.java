package dev.roster.testing;

/** The databases every storage and HTTP test runs against. */
public enum Db {
  H2,
  POSTGRES
}
