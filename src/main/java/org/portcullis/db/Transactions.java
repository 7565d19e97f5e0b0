package org.portcullis.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Work that commits or rolls back as one. A service whose change spans statements (a login opening its
 * session under the account's row lock, a password change revoking the other sessions) runs it here, on
 * DAOs attached to the one transaction's handle; single statements go through the on-demand DAOs of
 * {@link Storage}. Services never see a Jdbi handle.
 */
public final class Transactions {
    private final Jdbi jdbi;
    private final Runnable afterCommit;

    public Transactions(Jdbi jdbi) {
        this(jdbi, () -> { });
    }

    /** @param afterCommit told of every commit once it is done (the {@link CallerCache}'s freshness) */
    Transactions(Jdbi jdbi, Runnable afterCommit) {
        this.jdbi = jdbi;
        this.afterCommit = afterCommit;
    }

    /** Runs {@code work} in one transaction and returns its result; any exception rolls it back. */
    public <R> R inTransaction(Function<Transaction, R> work) {
        return jdbi.inTransaction(handle -> {
            handle.afterCommit(afterCommit);
            return work.apply(new Transaction(handle));
        });
    }

    /** As {@link #inTransaction}, for work without a result. */
    public void useTransaction(Consumer<Transaction> work) {
        inTransaction(transaction -> {
            work.accept(transaction);
            return null;
        });
    }

    /** The DAOs of one open transaction; each call attaches to its handle, so they share its locks. */
    public static final class Transaction {
        private final Handle handle;

        private Transaction(Handle handle) {
            this.handle = handle;
        }

        public UserDao users() {
            return handle.attach(UserDao.class);
        }

        public SessionDao sessions() {
            return handle.attach(SessionDao.class);
        }

        public DeviceTokenDao deviceTokens() {
            return handle.attach(DeviceTokenDao.class);
        }

        public SigningKeyDao signingKeys() {
            return handle.attach(SigningKeyDao.class);
        }

        public AuditDao audit() {
            return handle.attach(AuditDao.class);
        }

        /** Runs {@code action} once this transaction has committed; never if it rolls back. */
        public void afterCommit(Runnable action) {
            handle.afterCommit(action);
        }

        /** The outbox: a mail inserted here is sent only if this transaction commits. */
        public MailOutboxDao outbox() {
            return handle.attach(MailOutboxDao.class);
        }

        public AccountTokenDao accountTokens() {
            return handle.attach(AccountTokenDao.class);
        }
    }
}
