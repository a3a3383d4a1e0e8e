package com.storecrm.tenancy.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows that events of a transaction add (follow-up clocks, notifications...), collected and handed
 * to one writer call just before the transaction commits, so a batch operation on fifty leads writes
 * them with one statement instead of fifty. A rolled-back transaction writes nothing. The buffer
 * belongs to the current transaction: a transaction suspended for an inner one keeps its items to
 * itself, and the inner one gets a buffer of its own.
 *
 * @param <T> one row to write
 */
public final class BeforeCommitBuffer<T> {

    private final Object key = new Object();
    private final Consumer<List<T>> writer;

    /** @param writer writes the rows collected so far, in the order they were added, in the transaction */
    public BeforeCommitBuffer(Consumer<List<T>> writer) {
        this.writer = writer;
    }

    /**
     * Adds a row for the current transaction.
     *
     * @return false (and nothing is kept) when no transaction is active: there is nothing to commit it with
     */
    public boolean add(T row) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<T> pending = (List<T>) TransactionSynchronizationManager.getResource(key);
        if (pending == null) {
            List<T> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(key, created);
            TransactionSynchronizationManager.registerSynchronization(new Flush(created));
            pending = created;
        }
        pending.add(row);
        return true;
    }

    /** Writes what the current transaction collected so far, e.g. before a statement that must see it. */
    public void flush() {
        @SuppressWarnings("unchecked")
        List<T> pending = (List<T>) TransactionSynchronizationManager.getResource(key);
        if (pending != null) {
            write(pending);
        }
    }

    private void write(List<T> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<T> rows = List.copyOf(pending);
        pending.clear();
        writer.accept(rows);
    }

    private final class Flush implements TransactionSynchronization {

        private final List<T> pending;

        Flush(List<T> pending) {
            this.pending = pending;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            write(pending);
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(key, pending);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
    }
}
