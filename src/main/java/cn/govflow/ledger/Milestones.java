package cn.govflow.ledger;

import static cn.govflow.ledger.ScopeValues.bool;
import static cn.govflow.ledger.ScopeValues.coalesce;
import static cn.govflow.ledger.ScopeValues.integer;
import static cn.govflow.ledger.ScopeValues.local;
import static cn.govflow.ledger.ScopeValues.string;

import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.catalog.CasePlan;
import cn.govflow.catalog.CasePlans;
import cn.govflow.process.CaseVariables;
import cn.govflow.process.ContractElements;
import cn.govflow.process.DelegatedImplementationElements;
import cn.govflow.process.FullOnlineElements;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The milestone rules of the national 办件 shape: what the contract's tasks and the case clock's variables say
 * about a case, whichever model runs.
 * <ul>
 * <li>收件 (received): a portal application is received when submitted; a window one when 窗口收件 says RECEIVED
 * (or the model's {@code receivedAt}).</li>
 * <li>受理 (accepted): 受理 says ACCEPTED, or 窗口收件 says RECEIVED where receipt is acceptance (R24), or the
 * model's {@code acceptedAt}; a decided case was accepted at the latest when its clock started.</li>
 * <li>决定 (decided): the case clock's {@code decidedAt}, else the moment a {@code decision} (or a 当场决定) is
 * known. On time and overdue (按期/超期办结) are the clock's verdict.</li>
 * <li>送达 (delivered): the courier's {@code deliveredAt}, or 出件 at the window.</li>
 * </ul>
 * 办结 (completed), the end of the process with its {@code outcome}, is {@link CaseLedger#processEnded}'s.
 */
@Component
class Milestones {

    private final WorkdayCalendar calendar;
    private final CasePlans plans;

    Milestones(WorkdayCalendar calendar, CasePlans plans) {
        this.calendar = calendar;
        this.plans = plans;
    }

    /**
     * Reads what the models and the case clock say about the case now: {@code activityId} just ended, with the
     * user task's {@code action} (its outcome) when it was one.
     */
    CaseRow apply(CaseRow b, VariableScope scope, String activityId, String action, LocalDateTime now) {
        if (ContractElements.TASK_WINDOW_RECEIPT.equals(activityId) && "RECEIVED".equals(action)) {
            b.receivedAt = coalesce(b.receivedAt, now);
            if (plans.find(scope).map(CasePlan::receiptIsAcceptance).orElse(false)) {
                b.acceptedAt = coalesce(b.acceptedAt, now);
            }
        }
        if (ContractElements.TASK_ACCEPTANCE.equals(activityId)) {
            if ("ACCEPTED".equals(action)) {
                b.acceptedAt = coalesce(b.acceptedAt, now);
            } else if ("NOT_ACCEPTED".equals(action)) {
                b.outcome = "NOT_ACCEPTED";
            }
        }
        if (ContractElements.TASK_DELIVERY.equals(activityId)) {
            b.deliveredAt = coalesce(b.deliveredAt, now);
        }
        b.receivedAt = coalesce(b.receivedAt, local(scope.getVariable(CaseVariables.RECEIVED_AT)));
        b.acceptedAt = coalesce(b.acceptedAt, local(scope.getVariable(CaseVariables.ACCEPTED_AT)));
        b.deliveredAt = coalesce(b.deliveredAt, local(scope.getVariable(CaseVariables.DELIVERED_AT)));
        Object promised = scope.getVariable(CaseVariables.PROMISED_DECISION_DATE);
        if (promised instanceof Date date) {
            b.promisedDecisionDate = WorkdayCalendar.toLocalDate(date);
        }
        b.approvalRevoked = b.approvalRevoked || bool(scope, FullOnlineElements.APPROVAL_REVOKED);

        String decision = decision(scope);
        if (b.decidedAt == null && decision != null) {
            b.decidedAt = coalesce(local(scope.getVariable(CaseVariables.DECIDED_AT)), now);
        }
        if (decision != null
                && (b.outcome == null || "APPROVED".equals(b.outcome) || "NOT_APPROVED".equals(b.outcome))) {
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
        String onTheSpot = string(scope, DelegatedImplementationElements.ON_THE_SPOT_DECISION);
        if ("APPROVED".equals(onTheSpot) || "NOT_APPROVED".equals(onTheSpot)) {
            return onTheSpot;
        }
        return null;
    }

    private void decided(CaseRow b, VariableScope scope) {
        LocalDateTime clockStarted = local(scope.getVariable(CaseVariables.CLOCK_STARTED_AT));
        b.acceptedAt = coalesce(b.acceptedAt, clockStarted, b.decidedAt);
        b.receivedAt = coalesce(b.receivedAt, b.acceptedAt);
        LocalDate decidedOn = b.decidedAt.toLocalDate();
        if (b.onTime == null) {
            Object overdue = scope.getVariable(CaseVariables.OVERDUE);
            if (overdue instanceof Boolean late && scope.getVariable(CaseVariables.DECIDED_AT) != null) {
                b.onTime = !late;
            } else {
                b.onTime = b.promisedDecisionDate == null || !decidedOn.isAfter(b.promisedDecisionDate);
            }
            b.overdue = !b.onTime;
        }
        if (b.actualWorkdays == null) {
            int paused = Optional.ofNullable(integer(scope.getVariable(CaseVariables.PAUSED_WORKDAYS)))
                    .orElse(0);
            b.actualWorkdays = Math.max(0, calendar.workdaysBetween(b.acceptedAt.toLocalDate(), decidedOn) - paused);
        }
        b.onTheSpot = b.onTheSpotAllowed
                && decidedOn.equals(coalesce(b.receivedAt, b.appliedAt).toLocalDate());
    }
}
