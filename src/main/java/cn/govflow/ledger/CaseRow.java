package cn.govflow.ledger;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** The mutable view of a ledger row while one listener call works on it; {@link #build()} gives the row. */
final class CaseRow {
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

    CaseRow(LedgerCase c) {
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

    CaseRow withOutcome(String value) {
        outcome = value;
        return this;
    }

    CaseRow completedAt(LocalDateTime value) {
        completedAt = value;
        return this;
    }

    CaseRow status(String value) {
        status = value;
        return this;
    }

    LedgerCase build() {
        return new LedgerCase(
                caseNumber,
                processInstanceId,
                base.itemCode(),
                base.itemName(),
                base.mode(),
                base.department(),
                base.district(),
                base.channel(),
                base.applicantType(),
                base.commitment(),
                onTheSpotAllowed,
                base.licenceReplacedPaper(),
                base.fee(),
                base.promisedWorkdays(),
                appliedAt,
                receivedAt,
                acceptedAt,
                promisedDecisionDate,
                decidedAt,
                deliveredAt,
                completedAt,
                outcome,
                approvalRevoked,
                actualWorkdays,
                onTime,
                overdue,
                onTheSpot,
                status);
    }
}
