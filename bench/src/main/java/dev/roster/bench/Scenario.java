package dev.roster.bench;

/**
 * One kind of operation the load generator repeats: a GET by id, a create, an Entra-style cycle of
 * four requests. Each connection of the closed loop gets its own {@link Step} (its own counters and
 * cursor), and one {@code perform} is one measured operation.
 */
interface Scenario {
  String name();

  /** A fresh step for connection {@code worker} (0-based). */
  Step step(int worker);

  /** One operation of one connection; called by one thread only. */
  interface Step {
    Outcome perform(Http http);
  }

  /** What one operation came to. */
  record Outcome(Kind kind, int status, String detail) {
    enum Kind {
      OK,
      FAILED,
      /** Nothing left to do (a pool of users to add ran out): this connection stops. */
      EXHAUSTED,
      /**
       * Done, but not one of the operations measured: the clean-up a measured operation needs
       * before it can be repeated (removing the member just added). Neither timed nor counted.
       */
      UNTIMED
    }

    static final Outcome OK = new Outcome(Kind.OK, 0, "");
    static final Outcome EXHAUSTED = new Outcome(Kind.EXHAUSTED, 0, "");
    static final Outcome UNTIMED = new Outcome(Kind.UNTIMED, 0, "");

    static Outcome failed(String what, Reply reply) {
      return new Outcome(Kind.FAILED, reply.status(), what + ": " + reply.abbreviated());
    }

    /** {@code reply} has status {@code expected}, else a failure that says what was asked. */
    static Outcome expect(String what, Reply reply, int... expected) {
      for (int status : expected) {
        if (reply.is(status)) {
          return OK;
        }
      }
      return failed(what, reply);
    }

    boolean ok() {
      return kind == Kind.OK;
    }
  }
}
