package cn.govflow.ledger;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The case ledger's buffer for one engine transaction, written in one go just before the transaction commits, on
 * its connection:
 * <ul>
 * <li>each case row as read and as it is now: written once (a completion that ends a case changes its row three or
 * four times);</li>
 * <li>the steps opened in the transaction: a step that also ends in it (a service task, a task completed in the
 * same call, a fired boundary event) is inserted already ended, one row write instead of two;</li>
 * <li>the ends of steps opened by earlier transactions;</li>
 * <li>the tasks completed, whose delete event needs no second write.</li>
 * </ul>
 * The steps and ends go as JDBC batches: one round trip per kind of statement, however many steps. Outside a Spring
 * transaction there is no buffer: then {@link #current()} is null and every change is written at once.
 */
@Component
class LedgerTransaction {

    /** A step opened in this transaction; {@code step} is replaced when it ends here too. */
    static final class NewStep {
        final String caseNumber;
        final String taskId;
        LedgerStep step;

        NewStep(String caseNumber, String taskId, LedgerStep step) {
            this.caseNumber = caseNumber;
            this.taskId = taskId;
            this.step = step;
        }
    }

    /** The end of a task's step opened by an earlier transaction. */
    record TaskEnd(String taskId, String assignee, String action, String opinion, LocalDateTime endedAt) {}

    /** The end of a waiting state's or service task's step opened by an earlier transaction. */
    record ActivityEnd(String caseNumber, String activityId, String action, LocalDateTime endedAt) {}

    /** What the listeners of one transaction learned. */
    static final class Pending {
        private final Map<String, LedgerCase> stored = new HashMap<>();
        private final Map<String, LedgerCase> current = new LinkedHashMap<>();
        private final Set<String> completedTasks = new HashSet<>();
        private final List<NewStep> newSteps = new ArrayList<>();
        private final List<TaskEnd> taskEnds = new ArrayList<>();
        private final List<ActivityEnd> activityEnds = new ArrayList<>();

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

        List<NewStep> newSteps() {
            return newSteps;
        }

        List<TaskEnd> taskEnds() {
            return taskEnds;
        }

        List<ActivityEnd> activityEnds() {
            return activityEnds;
        }

        void open(String caseNumber, String taskId, LedgerStep step) {
            newSteps.add(new NewStep(caseNumber, taskId, step));
        }

        /** Ends the open step of a task: in the buffer when it was opened here, else at commit. */
        void endTask(TaskEnd end) {
            for (NewStep opened : newSteps) {
                if (end.taskId().equals(opened.taskId) && opened.step.endedAt() == null) {
                    LedgerStep s = opened.step;
                    opened.step = new LedgerStep(
                            s.activityId(),
                            s.activityType(),
                            s.name(),
                            s.candidateGroup(),
                            end.assignee() != null ? end.assignee() : s.assignee(),
                            end.action(),
                            end.opinion(),
                            s.startedAt(),
                            s.dueAt(),
                            end.endedAt());
                    return;
                }
            }
            taskEnds.add(end);
        }

        /** Ends the newest open step of an activity: in the buffer when it was opened here, else at commit. */
        void endActivity(ActivityEnd end) {
            for (int i = newSteps.size() - 1; i >= 0; i--) {
                NewStep opened = newSteps.get(i);
                LedgerStep s = opened.step;
                if (opened.taskId == null
                        && end.caseNumber().equals(opened.caseNumber)
                        && end.activityId().equals(s.activityId())
                        && s.endedAt() == null) {
                    opened.step = new LedgerStep(
                            s.activityId(),
                            s.activityType(),
                            s.name(),
                            s.candidateGroup(),
                            s.assignee(),
                            end.action(),
                            s.opinion(),
                            s.startedAt(),
                            s.dueAt(),
                            end.endedAt());
                    return;
                }
            }
            activityEnds.add(end);
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
                    write(created);
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

    /** Opens a step: in the running transaction's buffer, or at once outside a transaction. */
    void openStep(String caseNumber, String taskId, LedgerStep step) {
        Pending pending = current();
        if (pending == null) {
            repository.insertStep(caseNumber, taskId, step);
        } else {
            pending.open(caseNumber, taskId, step);
        }
    }

    /** Ends the open step of a user task: in the running transaction's buffer, or at once outside a transaction. */
    void endTaskStep(TaskEnd end) {
        Pending pending = current();
        if (pending == null) {
            repository.endTaskStep(end);
        } else {
            pending.endTask(end);
        }
    }

    /** Ends the newest open step of an activity: in the running transaction's buffer, or at once outside one. */
    void endActivityStep(ActivityEnd end) {
        Pending pending = current();
        if (pending == null) {
            repository.endActivityStep(end);
        } else {
            pending.endActivity(end);
        }
    }

    /** Ends go first: they are of steps stored before, which the new steps must not be taken for. */
    private void write(Pending pending) {
        repository.endTaskSteps(pending.taskEnds);
        repository.endActivitySteps(pending.activityEnds);
        repository.insertSteps(pending.newSteps);
        pending.current.forEach((caseNumber, row) -> {
            if (!row.equals(pending.stored.get(caseNumber))) {
                repository.updateProgress(row);
            }
        });
    }
}
