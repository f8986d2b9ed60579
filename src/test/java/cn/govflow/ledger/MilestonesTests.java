package cn.govflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.catalog.CasePlans;
import cn.govflow.process.CaseVariables;
import cn.govflow.process.ContractElements;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** The milestone rules of the ledger on their own, without an engine: what a variable or a task outcome means. */
class MilestonesTests {

    /** Monday 2026-03-02 10:00, a working day. */
    static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 2, 10, 0);

    final Milestones milestones =
            new Milestones(WorkdayCalendar.fromClasspath(), new CasePlans(caseNumber -> Optional.empty(), 0));
    final Map<String, Object> variables = new HashMap<>();
    final VariableScope scope = Mockito.mock(
            VariableScope.class,
            call -> "getVariable".equals(call.getMethod().getName()) ? variables.get(call.getArgument(0)) : null);

    @Test
    @DisplayName("R24: 窗口收件 RECEIVED where receipt is acceptance receives and accepts the case at once")
    void r24_receiptIsAcceptance() {
        variables.put(CasePlans.RESULT_TYPE, "E_LICENCE");
        variables.put(CasePlans.RECEIPT_IS_ACCEPTANCE, true);

        CaseRow row = milestones.apply(row(), scope, ContractElements.TASK_WINDOW_RECEIPT, "RECEIVED", MONDAY);

        assertThat(row.receivedAt).isEqualTo(MONDAY);
        assertThat(row.acceptedAt).isEqualTo(MONDAY);
        assertThat(row.decidedAt).isNull();
    }

    @Test
    @DisplayName("受理 NOT_ACCEPTED is the outcome; receipt alone does not accept where receipt is not acceptance")
    void notAccepted() {
        CaseRow received = milestones.apply(row(), scope, ContractElements.TASK_WINDOW_RECEIPT, "RECEIVED", MONDAY);
        assertThat(received.acceptedAt).isNull();

        CaseRow row = milestones.apply(received, scope, ContractElements.TASK_ACCEPTANCE, "NOT_ACCEPTED", MONDAY);

        assertThat(row.outcome).isEqualTo("NOT_ACCEPTED");
        assertThat(row.acceptedAt).isNull();
    }

    @Test
    @DisplayName("R32, R33: the case clock's decidedAt and verdict are the ledger's, working days net of pauses")
    void r32_theClockDecides() {
        LocalDateTime decided = MONDAY.plusDays(9);
        variables.put(CaseVariables.DECISION, "APPROVED");
        variables.put(CaseVariables.CLOCK_STARTED_AT, date(MONDAY));
        variables.put(CaseVariables.DECIDED_AT, date(decided));
        variables.put(CaseVariables.OVERDUE, true);
        variables.put(CaseVariables.PAUSED_WORKDAYS, 2);
        variables.put(CaseVariables.PROMISED_DECISION_DATE, date(MONDAY.plusDays(4)));

        CaseRow row = milestones.apply(row(), scope, ContractElements.TASK_DECISION, null, decided.plusHours(1));

        assertThat(row.outcome).isEqualTo("APPROVED");
        assertThat(row.decidedAt).isEqualTo(decided);
        assertThat(row.acceptedAt).as("accepted when the clock started").isEqualTo(MONDAY);
        assertThat(row.onTime).isFalse();
        assertThat(row.overdue).isTrue();
        assertThat(row.promisedDecisionDate).isEqualTo(LocalDate.of(2026, 3, 6));
        // Monday 2 to Wednesday 11 March: 7 working days after the 2nd, 2 of them paused.
        assertThat(row.actualWorkdays).isEqualTo(5);
    }

    @Test
    @DisplayName("R10: the courier's deliveredAt is the 送达 time")
    void r10_courierDelivered() {
        variables.put(CaseVariables.DELIVERED_AT, date(MONDAY.plusDays(3)));

        CaseRow row = milestones.apply(row(), scope, "Task_AwaitDelivery", null, MONDAY.plusDays(4));

        assertThat(row.deliveredAt).isEqualTo(MONDAY.plusDays(3));
    }

    private static CaseRow row() {
        return new CaseRow(new LedgerCase(
                "SH-20260302-SJ-000001",
                "pi",
                "2022-FO-004",
                "核发",
                "FULL_ONLINE",
                "public-security",
                "songjiang",
                "WINDOW",
                "PERSON",
                false,
                false,
                false,
                BigDecimal.ZERO,
                20,
                MONDAY,
                null,
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
                LedgerCase.RUNNING));
    }

    private static Date date(LocalDateTime time) {
        return Date.from(time.atZone(WorkdayCalendar.ZONE).toInstant());
    }
}
