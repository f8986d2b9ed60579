package cn.govflow.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One case in the ledger (table {@code gf_ledger_case}), in the national 办件 shape: 办件编号 {@code caseNumber},
 * 事项编码 {@code itemCode}, 受理时间 {@code acceptedAt}, 承诺办结时间 {@code promisedDecisionDate}, 办结时间
 * {@code completedAt}, 办理结果 {@code outcome}. Times are Shanghai wall-clock times. Nothing personal.
 */
public record LedgerCase(
        String caseNumber,
        String processInstanceId,
        String itemCode,
        String itemName,
        String mode,
        String department,
        String district,
        String channel,
        String applicantType,
        boolean commitment,
        boolean onTheSpotAllowed,
        boolean licenceReplacedPaper,
        BigDecimal fee,
        Integer promisedWorkdays,
        LocalDateTime appliedAt,
        LocalDateTime receivedAt,
        LocalDateTime acceptedAt,
        LocalDate promisedDecisionDate,
        LocalDateTime decidedAt,
        LocalDateTime deliveredAt,
        LocalDateTime completedAt,
        String outcome,
        boolean approvalRevoked,
        Integer actualWorkdays,
        Boolean onTime,
        Boolean overdue,
        boolean onTheSpot,
        String status) {

    public static final String RUNNING = "RUNNING";
    public static final String ENDED = "ENDED";

    /** Whether the case has its result (决定 made, or ended before one): what 好差评 waits for (R30). */
    public boolean hasResult() {
        return decidedAt != null || ENDED.equals(status);
    }
}
