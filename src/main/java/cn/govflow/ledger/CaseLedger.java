package cn.govflow.ledger;

import static cn.govflow.ledger.ScopeValues.bool;
import static cn.govflow.ledger.ScopeValues.local;
import static cn.govflow.ledger.ScopeValues.string;

import cn.govflow.catalog.CasePlan;
import cn.govflow.catalog.CasePlans;
import cn.govflow.catalog.CatalogItem;
import cn.govflow.catalog.CatalogService;
import cn.govflow.process.CaseVariables;
import cn.govflow.process.TaskOutcomeRule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps the ledger of a case in step with its process, called by the listeners of {@link LedgerPlugin} inside the
 * engine's transaction: a step row per task and waiting state, and the case row, whose milestones
 * {@link Milestones} reads from the process. Within a transaction the case row is written once, before commit
 * ({@link LedgerTransaction}); "now" is govflow's clock, the engine's.
 */
@Service
public class CaseLedger {

    /** A waiting state or service task as the model declares it, read once when the model is deployed. */
    record Activity(String id, String type, String name) {}

    private static final Logger LOG = LoggerFactory.getLogger(CaseLedger.class);

    private final LedgerRepository repository;
    private final CatalogService catalog;
    private final Milestones milestones;
    private final LedgerTransaction transaction;
    private final Clock clock;
    private final CasePlans plans;

    CaseLedger(
            LedgerRepository repository,
            CatalogService catalog,
            Milestones milestones,
            LedgerTransaction transaction,
            Clock clock,
            CasePlans plans) {
        this.plans = plans;
        this.repository = repository;
        this.catalog = catalog;
        this.milestones = milestones;
        this.transaction = transaction;
        this.clock = clock;
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
        String channel =
                Optional.ofNullable(string(execution, CaseVariables.CHANNEL)).orElse("ONLINE");
        boolean online = !"WINDOW".equals(channel);
        Optional<CasePlan> plan = plans.find(execution).or(() -> item.map(CasePlan::of));
        LedgerCase row = new LedgerCase(
                caseNumber,
                execution.getProcessInstanceId(),
                itemCode == null ? "?" : itemCode,
                Optional.ofNullable(string(execution, CaseVariables.ITEM_NAME))
                        .orElse(item.map(CatalogItem::name).orElse(null)),
                Optional.ofNullable(string(execution, CaseVariables.MODE))
                        .orElse(item.map(i -> i.mode().name()).orElse("?")),
                Optional.ofNullable(string(execution, CaseVariables.DEPARTMENT))
                        .orElse(item.map(i -> i.department().code()).orElse("?")),
                Optional.ofNullable(string(execution, CaseVariables.DISTRICT)).orElse("?"),
                channel,
                string(execution, CaseVariables.APPLICANT_TYPE),
                bool(execution, CaseVariables.COMMITMENT),
                plan.map(CasePlan::onTheSpot).orElse(false),
                bool(execution, CaseVariables.LICENCE_REPLACED_PAPER),
                item.map(CatalogItem::fee).map(LedgerRepository::zeroIfNull).orElse(BigDecimal.ZERO),
                plan.map(CasePlan::promisedDays).orElse(null),
                now,
                online ? now : null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                false,
                LedgerCase.RUNNING);
        if (repository.insertCase(row)) {
            LedgerTransaction.Pending pending = transaction.current();
            if (pending != null) {
                pending.read(row);
            }
            transaction.openStep(
                    caseNumber,
                    null,
                    new LedgerStep(
                            execution.getCurrentActivityId() == null ? "StartEvent" : execution.getCurrentActivityId(),
                            "startEvent",
                            online ? "网上申请" : "窗口申请",
                            null,
                            null,
                            "SUBMITTED",
                            null,
                            now,
                            null,
                            now));
        }
    }

    void processEnded(DelegateExecution execution) {
        update(execution, null, null, row -> {
            LocalDateTime now = now();
            String outcome = string(execution, CaseVariables.OUTCOME);
            CaseRow b = row.withOutcome(outcome != null ? outcome : row.outcome)
                    .completedAt(now)
                    .status(LedgerCase.ENDED);
            if (b.decidedAt == null && ("APPROVED".equals(b.outcome) || "NOT_APPROVED".equals(b.outcome))) {
                b.decidedAt = now;
            }
            transaction.openStep(
                    row.caseNumber,
                    null,
                    new LedgerStep(
                            execution.getCurrentActivityId() == null ? "EndEvent" : execution.getCurrentActivityId(),
                            "endEvent",
                            "办结",
                            null,
                            null,
                            b.outcome,
                            null,
                            now,
                            null,
                            now));
            return b;
        });
    }

    void taskCreated(DelegateTask task) {
        String caseNumber = caseNumber(task);
        if (caseNumber == null) {
            return;
        }
        transaction.openStep(
                caseNumber,
                task.getId(),
                new LedgerStep(
                        task.getTaskDefinitionKey(),
                        "userTask",
                        task.getName(),
                        candidateGroup(task.getCandidates()),
                        task.getAssignee(),
                        null,
                        null,
                        now(),
                        local(task.getDueDate()),
                        null));
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
                    opinion = detail instanceof Collection<?> list
                            ? String.join(
                                    "、", list.stream().map(String::valueOf).toList())
                            : detail == null ? null : detail.toString();
                }
            }
        } else {
            action = "DONE";
        }
        transaction.endTaskStep(new LedgerTransaction.TaskEnd(
                task.getId(),
                task.getAssignee(),
                action == null ? "DONE" : truncate(action, 40),
                truncate(opinion, 2000),
                now()));
        LedgerTransaction.Pending pending = transaction.current();
        if (pending != null) {
            pending.completed(task.getId());
        }
        String finalAction = action;
        update(task.getExecution(), task.getTaskDefinitionKey(), finalAction, row -> row);
    }

    void taskDeleted(DelegateTask task) {
        // Completion fires complete, then delete: only a task cancelled by a timer or message is still open here.
        LedgerTransaction.Pending pending = transaction.current();
        if (pending != null && pending.wasCompleted(task.getId())) {
            return;
        }
        transaction.endTaskStep(new LedgerTransaction.TaskEnd(task.getId(), null, "CANCELLED", null, now()));
    }

    void activityStarted(DelegateExecution execution, Activity activity) {
        String caseNumber = caseNumber(execution);
        if (caseNumber == null) {
            return;
        }
        transaction.openStep(
                caseNumber,
                null,
                new LedgerStep(
                        activity.id(), activity.type(), activity.name(), null, null, null, null, now(), null, null));
    }

    void activityEnded(DelegateExecution execution, Activity activity) {
        String caseNumber = caseNumber(execution);
        if (caseNumber == null) {
            return;
        }
        boolean cancelled = execution.isCanceled();
        transaction.endActivityStep(
                new LedgerTransaction.ActivityEnd(caseNumber, activity.id(), cancelled ? "CANCELLED" : "DONE", now()));
        if (!cancelled) {
            update(execution, activity.id(), null, row -> row);
        }
    }

    void boundaryEventFired(DelegateExecution execution, Activity activity) {
        String caseNumber = caseNumber(execution);
        if (caseNumber == null) {
            return;
        }
        LocalDateTime now = now();
        transaction.openStep(
                caseNumber,
                null,
                new LedgerStep(
                        activity.id(), activity.type(), activity.name(), null, null, "FIRED", null, now, null, now));
    }

    // ---- the case row ----

    private void update(DelegateExecution execution, String activityId, String action, UnaryOperator<CaseRow> change) {
        String caseNumber = caseNumber(execution);
        if (caseNumber == null) {
            return;
        }
        LedgerTransaction.Pending pending = transaction.current();
        LedgerCase before = pending == null ? null : pending.row(caseNumber);
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
        LedgerCase after = change.apply(milestones.apply(new CaseRow(before), execution, activityId, action, now()))
                .build();
        if (pending != null) {
            pending.change(after);
        } else if (!after.equals(before)) {
            repository.updateProgress(after);
        }
    }

    // ---- helpers ----

    private static String candidateGroup(Collection<IdentityLink> candidates) {
        return candidates.stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(IdentityLink::getGroupId)
                .filter(g -> g != null)
                .findFirst()
                .orElse(null);
    }

    /**
     * The case number: the process's business key, as the intake starts it (read from the process instance, which
     * the engine has loaded already); the {@code caseNumber} variable only when there is no business key.
     */
    private static String caseNumber(VariableScope scope) {
        String businessKey = CasePlans.businessKey(scope);
        return businessKey != null ? businessKey : string(scope, CaseVariables.CASE_NUMBER);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
