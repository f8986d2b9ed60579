package cn.govflow.ledger;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The case ledger's buffer for one engine transaction: each case row as read and as it is now, written once just
 * before the transaction commits (a completion that ends a case changes its row three or four times), and the
 * tasks completed, whose delete event needs no second write. Outside a Spring transaction there is no buffer:
 * then {@link #current()} is null and every change is written at once.
 */
@Component
class LedgerTransaction {

    /** What the listeners of one transaction learned. */
    static final class Pending {
        private final Map<String, LedgerCase> stored = new HashMap<>();
        private final Map<String, LedgerCase> current = new LinkedHashMap<>();
        private final Set<String> completedTasks = new HashSet<>();

        /** A row as read from the table: it is both stored and current. */
        void read(LedgerCase row) {
            stored.put(row.caseNumber(), row);
            current.put(row.caseNumber(), row);
        }

        /** The row as changed so far in this transaction, or null when it has not been read. */
        LedgerCase row(String caseNumber) {
            return current.get(caseNumber);
        }

        void change(LedgerCase row) {
            current.put(row.caseNumber(), row);
        }

        void completed(String taskId) {
            completedTasks.add(taskId);
        }

        boolean wasCompleted(String taskId) {
            return completedTasks.contains(taskId);
        }
    }

    private final LedgerRepository repository;

    LedgerTransaction(LedgerRepository repository) {
        this.repository = repository;
    }

    /** The buffer of the running transaction, created and bound on first use; null outside a transaction. */
    Pending current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending created = new Pending();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    created.current.forEach((caseNumber, row) -> {
                        if (!row.equals(created.stored.get(caseNumber))) {
                            repository.updateProgress(row);
                        }
                    });
                }

                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LedgerTransaction.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(LedgerTransaction.this, created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LedgerTransaction.this);
                }
            });
            pending = created;
        }
        return pending;
    }
}
