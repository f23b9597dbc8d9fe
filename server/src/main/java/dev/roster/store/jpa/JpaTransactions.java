package dev.roster.store.jpa;

import dev.roster.store.Transactions;
import java.util.function.Supplier;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;

/**
 * One Hibernate session and transaction per unit of work, bound to the calling thread so the stores
 * can share it without passing it through the domain.
 */
public final class JpaTransactions implements Transactions {
  private final SessionFactory sessionFactory;
  private final ThreadLocal<Session> current = new ThreadLocal<>();

  public JpaTransactions(SessionFactory sessionFactory) {
    this.sessionFactory = sessionFactory;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return run(work, false);
  }

  @Override
  public <T> T reading(Supplier<T> work) {
    return run(work, true);
  }

  private <T> T run(Supplier<T> work, boolean readOnly) {
    if (current.get() != null) {
      return work.get();
    }
    try (Session session = sessionFactory.openSession()) {
      current.set(session);
      if (readOnly) {
        // No snapshots of loaded entities to compare at the end, and no flush: a GET by id spent
        // 3% of its time flushing a session it had only read from.
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);
      }
      Transaction tx = session.beginTransaction();
      try {
        T result = work.get();
        if (!readOnly) {
          session.flush();
        }
        tx.commit();
        return result;
      } catch (RuntimeException | Error e) {
        if (tx.isActive()) {
          tx.rollback();
        }
        throw e;
      }
    } finally {
      current.remove();
    }
  }

  /** The session of the running transaction; stores call this. */
  Session session() {
    Session session = current.get();
    if (session == null) {
      throw new IllegalStateException("store used outside Transactions.inTransaction");
    }
    return session;
  }
}
