package cn.govflow.ledger;

import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.catalog.CatalogItem;
import cn.govflow.catalog.CatalogService;
import cn.govflow.process.CaseVariables;
import cn.govflow.process.TaskOutcomeRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the ledger row of a case in step with its process, called by the listeners of {@link LedgerPlugin}
 * inside the engine's transaction. The milestones of the national 办件 shape come from the contract's tasks and
 * the case clock's variables, whichever model runs:
 * <ul>
 * <li>收件 (received): a portal application is received when submitted; a window one when 窗口收件 says RECEIVED
 * (or the model's {@code receivedAt}).</li>
 * <li>受理 (accepted): 受理 says ACCEPTED, or 窗口收件 says RECEIVED where receipt is acceptance (R24), or the
 * model's {@code acceptedAt}; a decided case was accepted at the latest when its clock started.</li>
 * <li>决定 (decided): the case clock's {@code decidedAt}, else the moment a {@code decision} (or a 当场决定) is
 * known. On time and overdue (按期/超期办结) are the clock's verdict.</li>
 * <li>送达 (delivered): the courier's {@code deliveredAt}, or 出件 at the window.</li>
 * <li>办结 (completed): the end of the process, with its {@code outcome}.</li>
 * </ul>
 */
@Service
public class CaseLedger {

    private static final Logger LOG = LoggerFactory.getLogger(CaseLedger.class);

    static final String RECEIVED_AT = "receivedAt";
    static final String ACCEPTED_AT = "acceptedAt";
    static final String DECIDED_AT = "decidedAt";
    static final String DELIVERED_AT = "deliveredAt";
    static final String CLOCK_STARTED_AT = "clockStartedAt";
    static final String PAUSED_WORKDAYS = "pausedWorkdays";
    static final String ON_TIME = "onTime";
    static final String OVERDUE = "overdue";
    static final String APPROVAL_REVOKED = "approvalRevoked";
    static final String ON_THE_SPOT_DECISION = "onTheSpotDecision";

    private final LedgerRepository repository;
    private final CatalogService catalog;
    private final WorkdayCalendar calendar;

    CaseLedger(LedgerRepository repository, CatalogService catalog, WorkdayCalendar calendar) {
        this.repository = repository;
        this.catalog = catalog;
        this.calendar = calendar;
    }

    // ---- listeners ----

    void processStarted(DelegateExecution execution) {
        String caseNumber = caseNumber(execution);
        if (caseNumber == null) {
            LOG.warn("Process instance {} has no caseNumber: not in the ledger", execution.getProcessInstanceId());
            return;
        }
        LocalDateTime now = now();
        String itemCode = string(execution, CaseVariables.ITEM_CODE);
        Optional<CatalogItem> item = itemCode == null ? Optional.empty() : catalog.find(itemCode);
        String channel = Optional.ofNullable(string(execution, CaseVariables.CHANNEL)).orElse("ONLINE");
        boolean online = !"WINDOW".equals(channel);
        LedgerCase row = new LedgerCase(caseNumber, execution.getProcessInstanceId(),
                itemCode == null ? "?" : itemCode,
                Optional.ofNullable(string(execution, CaseVariables.ITEM_NAME))
                        .orElse(item.map(CatalogItem::name).orElse(null)),
                Optional.ofNullable(string(execution, CaseVariables.MODE))
                        .orElse(item.map(i -> i.mode().name()).orElse("?")),
                Optional.ofNullable(string(execution, CaseVariables.DEPARTMENT))
                        .orElse(item.map(i -> i.department().code()).orElse("?")),
                Optional.ofNullable(string(execution, CaseVariables.DISTRICT)).orElse("?"),
                channel, string(execution, CaseVariables.APPLICANT_TYPE),
                bool(execution, CaseVariables.COMMITMENT), bool(execution, CaseVariables.ON_THE_SPOT),
                bool(execution, CaseVariables.LICENCE_REPLACED_PAPER),
                item.map(CatalogItem::fee).map(LedgerRepository::zeroIfNull).orElse(BigDecimal.ZERO),
                integer(execution.getVariable(CaseVariables.PROMISED_DAYS)), now, online ? now : null,
                null, null, null, null, null, null, false, null, null, null, false, LedgerCase.RUNNING);
        if (repository.insertCase(row)) {
            Pending pending = pending();
            if (pending != null) {
                pending.read(row);
            }
            repository.insertStep(caseNumber, null, new LedgerStep(execution.getCurrentActivityId() == null
                    ? "StartEvent" : execution.getCurrentActivityId(), "startEvent", online ? "网上申请" : "窗口申请",
                    null, null, "SUBMITTED", null, now, null, now));
        }
    }

    void processEnded(DelegateExecution execution) {
        update(execution, null, null, row -> {
            LocalDateTime now = now();
            String outcome = string(execution, CaseVariables.OUTCOME);
            Builder b = row.withOutcome(outcome != null ? outcome : row.outcome).completedAt(now).status(LedgerCase.ENDED);
            if (b.decidedAt == null && ("APPROVED".equals(b.outcome) || "NOT_APPROVED".equals(b.outcome))) {
                b.decidedAt = now;
            }
            repository.insertStep(row.caseNumber, null, new LedgerStep(
                    execution.getCurrentActivityId() == null ? "EndEvent" : execution.getCurrentActivityId(),
                    "endEvent", "办结", null, null, b.outcome, null, now, null, now));
            return b;
        });
    }

    void taskCreated(DelegateTask task) {
        String caseNumber = caseNumber(task);
        if (caseNumber == null) {
            return;
        }
        repository.insertStep(caseNumber, task.getId(), new LedgerStep(task.getTaskDefinitionKey(), "userTask",
                task.getName(), candidateGroup(task.getCandidates()), task.getAssignee(), null, null, now(),
                local(task.getDueDate()), null));
    }

    void taskCompleted(DelegateTask task, TaskOutcomeRule rule) {
        String action = null;
        String opinion = null;
        if (rule != null) {
            Object value = task.getVariable(rule.variable());
            String text = value == null ? null : value.toString().trim();
            if (rule.allowedValues().isEmpty()) {
                action = "DONE";
                opinion = text;
            } else {
                action = text;
                String companion = text == null ? null : rule.requiredWith().get(text);
                if (companion != null) {
                    Object detail = task.getVariable(companion);
                    opinion = detail instanceof Collection<?> list ? String.join("、", list.stream()
                            .map(String::valueOf).toList()) : detail == null ? null : detail.toString();
                }
            }
        } else {
            action = "DONE";
        }
        repository.endTaskStep(task.getId(), task.getAssignee(), action == null ? "DONE" : truncate(action, 40),
                truncate(opinion, 2000), now());
        Pending pending = pending();
        if (pending != null) {
            pending.completedTasks.add(task.getId());
        }
        String finalAction = action;
        update(task.getExecution(), task.getTaskDefinitionKey(), finalAction, row -> row);
    }

    void taskDeleted(DelegateTask task) {
        // Completion fires complete, then delete: only a task cancelled by a timer or message is still open here.
        Pending pending = pending();
        if (pending != null && pending.completedTasks.contains(task.getId())) {
            return;
        }
        repository.endTaskStep(task.getId(), null, "CANCELLED", null, now());
    }

    void activityStarted(DelegateExecution execution, ActivityImpl activity) {
        String caseNumber = caseNumber(execution);
        if (caseNumber == null) {
            return;
        }
        repository.insertStep(caseNumber, null, new LedgerStep(activity.getId(), type(activity), name(activity),
                null, null, null, null, now(), null, null));
    }

    void activityEnded(DelegateExecution execution, ActivityImpl activity) {
        String caseNumber = caseNumber(execution);
        if (caseNumber == null) {
            return;
        }
        boolean cancelled = execution.isCanceled();
        repository.endActivityStep(caseNumber, activity.getId(), cancelled ? "CANCELLED" : "DONE", now());
        if (!cancelled) {
            update(execution, activity.getId(), null, row -> row);
        }
    }

    void boundaryEventFired(DelegateExecution execution, ActivityImpl activity) {
        String caseNumber = caseNumber(execution);
        if (caseNumber == null) {
            return;
        }
        LocalDateTime now = now();
        repository.insertStep(caseNumber, null, new LedgerStep(activity.getId(), type(activity), name(activity),
                null, null, "FIRED", null, now, null, now));
    }

    // ---- the case row ----

    private void update(DelegateExecution execution, String activityId, String action,
            java.util.function.UnaryOperator<Builder> change) {
        String caseNumber = caseNumber(execution);
        if (caseNumber == null) {
            return;
        }
        Pending pending = pending();
        LedgerCase before = pending == null ? null : pending.current.get(caseNumber);
        if (before == null) {
            Optional<LedgerCase> found = repository.findCase(caseNumber);
            if (found.isEmpty()) {
                LOG.warn("Case {} has no ledger row; its process started before the ledger existed", caseNumber);
                return;
            }
            before = found.get();
            if (pending != null) {
                pending.read(before);
            }
        }
        LedgerCase after = change.apply(milestones(new Builder(before), execution, activityId, action)).build();
        if (pending != null) {
            pending.current.put(caseNumber, after);
        } else if (!after.equals(before)) {
            repository.updateProgress(after);
        }
    }

    // ---- one transaction's work ----

    /**
     * What the listeners of one engine transaction learned: each case row as read and as it is now, written once
     * just before the transaction commits (a completion that ends a case changes its row three or four times),
     * and the tasks completed, whose delete event needs no second write. Unknown outside a Spring transaction:
     * then every change is written at once.
     */
    private static final class Pending {
        final Map<String, LedgerCase> stored = new HashMap<>();
        final Map<String, LedgerCase> current = new LinkedHashMap<>();
        final Set<String> completedTasks = new HashSet<>();

        void read(LedgerCase row) {
            stored.put(row.caseNumber(), row);
            current.put(row.caseNumber(), row);
        }
    }

    private Pending pending() {
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
                    TransactionSynchronizationManager.unbindResourceIfPossible(CaseLedger.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(CaseLedger.this, created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CaseLedger.this);
                }
            });
            pending = created;
        }
        return pending;
    }

    /** Reads what the models and the case clock say about the case now. */
    private Builder milestones(Builder b, VariableScope scope, String activityId, String action) {
        LocalDateTime now = now();
        if ("Task_WindowReceipt".equals(activityId) && "RECEIVED".equals(action)) {
            b.receivedAt = coalesce(b.receivedAt, now);
            if (bool(scope, CaseVariables.RECEIPT_IS_ACCEPTANCE)) {
                b.acceptedAt = coalesce(b.acceptedAt, now);
            }
        }
        if ("Task_Acceptance".equals(activityId)) {
            if ("ACCEPTED".equals(action)) {
                b.acceptedAt = coalesce(b.acceptedAt, now);
            } else if ("NOT_ACCEPTED".equals(action)) {
                b.outcome = "NOT_ACCEPTED";
            }
        }
        if ("Task_Delivery".equals(activityId)) {
            b.deliveredAt = coalesce(b.deliveredAt, now);
        }
        b.receivedAt = coalesce(b.receivedAt, local(scope.getVariable(RECEIVED_AT)));
        b.acceptedAt = coalesce(b.acceptedAt, local(scope.getVariable(ACCEPTED_AT)));
        b.deliveredAt = coalesce(b.deliveredAt, local(scope.getVariable(DELIVERED_AT)));
        Object promised = scope.getVariable(CaseVariables.PROMISED_DECISION_DATE);
        if (promised instanceof Date date) {
            b.promisedDecisionDate = WorkdayCalendar.toLocalDate(date);
        }
        b.approvalRevoked = b.approvalRevoked || bool(scope, APPROVAL_REVOKED);

        String decision = decision(scope);
        if (b.decidedAt == null && decision != null) {
            b.decidedAt = coalesce(local(scope.getVariable(DECIDED_AT)), now);
        }
        if (decision != null && (b.outcome == null || "APPROVED".equals(b.outcome)
                || "NOT_APPROVED".equals(b.outcome))) {
            b.outcome = decision;
        }
        if (b.decidedAt != null) {
            decided(b, scope);
        }
        return b;
    }

    /** The decision made so far: {@code decision}, or a 当场决定 that did not send the case to the back office. */
    private static String decision(VariableScope scope) {
        String decision = string(scope, CaseVariables.DECISION);
        if ("APPROVED".equals(decision) || "NOT_APPROVED".equals(decision)) {
            return decision;
        }
        String onTheSpot = string(scope, ON_THE_SPOT_DECISION);
        if ("APPROVED".equals(onTheSpot) || "NOT_APPROVED".equals(onTheSpot)) {
            return onTheSpot;
        }
        return null;
    }

    private void decided(Builder b, VariableScope scope) {
        LocalDateTime clockStarted = local(scope.getVariable(CLOCK_STARTED_AT));
        b.acceptedAt = coalesce(b.acceptedAt, clockStarted, b.decidedAt);
        b.receivedAt = coalesce(b.receivedAt, b.acceptedAt);
        LocalDate decidedOn = b.decidedAt.toLocalDate();
        if (b.onTime == null) {
            Object onTime = scope.getVariable(ON_TIME);
            if (onTime instanceof Boolean clockSays && scope.getVariable(DECIDED_AT) != null) {
                b.onTime = clockSays;
            } else {
                b.onTime = b.promisedDecisionDate == null || !decidedOn.isAfter(b.promisedDecisionDate);
            }
            b.overdue = !b.onTime;
        }
        if (b.actualWorkdays == null) {
            int paused = Optional.ofNullable(integer(scope.getVariable(PAUSED_WORKDAYS))).orElse(0);
            b.actualWorkdays = Math.max(0,
                    calendar.workdaysBetween(b.acceptedAt.toLocalDate(), decidedOn) - paused);
        }
        b.onTheSpot = b.onTheSpotAllowed && decidedOn.equals(
                coalesce(b.receivedAt, b.appliedAt).toLocalDate());
    }

    // ---- helpers ----

    private static String candidateGroup(Collection<IdentityLink> candidates) {
        return candidates.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(IdentityLink::getGroupId).filter(g -> g != null).findFirst().orElse(null);
    }

    private static String caseNumber(VariableScope scope) {
        return string(scope, CaseVariables.CASE_NUMBER);
    }

    private static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static boolean bool(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    private static Integer integer(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? null : Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDateTime now() {
        return local(ClockUtil.getCurrentTime());
    }

    static LocalDateTime local(Object value) {
        return value instanceof Date date ? LocalDateTime.ofInstant(date.toInstant(), WorkdayCalendar.ZONE) : null;
    }

    private static String type(ActivityImpl activity) {
        Object type = activity.getProperty("type");
        return type == null ? "activity" : type.toString();
    }

    private static String name(ActivityImpl activity) {
        Object name = activity.getProperty("name");
        return name == null ? activity.getId() : name.toString();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    @SafeVarargs
    private static <T> T coalesce(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The mutable view of a row while one listener call works on it. */
    static final class Builder {
        private final LedgerCase base;
        final String caseNumber;
        final boolean onTheSpotAllowed;
        final LocalDateTime appliedAt;
        String processInstanceId;
        LocalDateTime receivedAt;
        LocalDateTime acceptedAt;
        LocalDate promisedDecisionDate;
        LocalDateTime decidedAt;
        LocalDateTime deliveredAt;
        LocalDateTime completedAt;
        String outcome;
        boolean approvalRevoked;
        Integer actualWorkdays;
        Boolean onTime;
        Boolean overdue;
        boolean onTheSpot;
        String status;

        Builder(LedgerCase c) {
            base = c;
            caseNumber = c.caseNumber();
            onTheSpotAllowed = c.onTheSpotAllowed();
            appliedAt = c.appliedAt();
            processInstanceId = c.processInstanceId();
            receivedAt = c.receivedAt();
            acceptedAt = c.acceptedAt();
            promisedDecisionDate = c.promisedDecisionDate();
            decidedAt = c.decidedAt();
            deliveredAt = c.deliveredAt();
            completedAt = c.completedAt();
            outcome = c.outcome();
            approvalRevoked = c.approvalRevoked();
            actualWorkdays = c.actualWorkdays();
            onTime = c.onTime();
            overdue = c.overdue();
            onTheSpot = c.onTheSpot();
            status = c.status();
        }

        Builder withOutcome(String value) {
            outcome = value;
            return this;
        }

        Builder completedAt(LocalDateTime value) {
            completedAt = value;
            return this;
        }

        Builder status(String value) {
            status = value;
            return this;
        }

        LedgerCase build() {
            return new LedgerCase(caseNumber, processInstanceId, base.itemCode(), base.itemName(), base.mode(),
                    base.department(), base.district(), base.channel(), base.applicantType(), base.commitment(),
                    onTheSpotAllowed, base.licenceReplacedPaper(), base.fee(), base.promisedWorkdays(), appliedAt,
                    receivedAt, acceptedAt, promisedDecisionDate, decidedAt, deliveredAt, completedAt, outcome,
                    approvalRevoked, actualWorkdays, onTime, overdue, onTheSpot, status);
        }
    }
}
