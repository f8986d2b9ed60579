package cn.govflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The ledger's buffer for one transaction on its own: which step ends it settles in memory and which it leaves for
 * the table at commit. The writes themselves, and the rollback, are in {@link LedgerTransactionIntegrationTests}.
 */
class LedgerTransactionTests {

    static final LocalDateTime NINE = LocalDateTime.of(2026, 3, 2, 9, 0);
    static final LocalDateTime TEN = NINE.plusHours(1);

    final LedgerTransaction.Pending pending = new LedgerTransaction.Pending();

    @Test
    @DisplayName(
            "Ledger: a task opened and completed in one transaction is one ended step, with its assignee and outcome")
    void taskOpenedAndEndedHereIsOneRow() {
        pending.open("C1", "task-1", open("Task_Review", "userTask", "clerk-a"));

        pending.endTask(new LedgerTransaction.TaskEnd("task-1", "clerk-b", "DONE", "材料齐全", TEN));

        assertThat(pending.newSteps()).singleElement().satisfies(s -> {
            assertThat(s.step.endedAt()).isEqualTo(TEN);
            assertThat(s.step.startedAt()).isEqualTo(NINE);
            assertThat(s.step.assignee()).isEqualTo("clerk-b");
            assertThat(s.step.action()).isEqualTo("DONE");
            assertThat(s.step.opinion()).isEqualTo("材料齐全");
        });
        assertThat(pending.taskEnds()).isEmpty();
    }

    @Test
    @DisplayName("Ledger: a task end without an assignee keeps the step's assignee, as the table's update does")
    void cancelledTaskKeepsItsAssignee() {
        pending.open("C1", "task-1", open("Task_Supplement", "userTask", "clerk-a"));

        pending.endTask(new LedgerTransaction.TaskEnd("task-1", null, "CANCELLED", null, TEN));

        assertThat(pending.newSteps().get(0).step.assignee()).isEqualTo("clerk-a");
        assertThat(pending.newSteps().get(0).step.action()).isEqualTo("CANCELLED");
    }

    @Test
    @DisplayName("Ledger: the end of a step opened by an earlier transaction waits for the commit")
    void endOfAnEarlierStepIsQueued() {
        pending.open("C1", "task-2", open("Task_Decision", "userTask", null));

        pending.endTask(new LedgerTransaction.TaskEnd("task-1", "clerk-a", "ACCEPTED", null, TEN));
        pending.endActivity(new LedgerTransaction.ActivityEnd("C1", "Event_MaterialsArrived", "DONE", TEN));

        assertThat(pending.taskEnds())
                .extracting(LedgerTransaction.TaskEnd::taskId)
                .containsExactly("task-1");
        assertThat(pending.activityEnds())
                .extracting(LedgerTransaction.ActivityEnd::activityId)
                .containsExactly("Event_MaterialsArrived");
        assertThat(pending.newSteps().get(0).step.endedAt()).isNull();
    }

    @Test
    @DisplayName(
            "Ledger: an activity's end closes the newest open step of that activity in that case, never another case's")
    void activityEndClosesTheNewestOpenStepOfItsCase() {
        pending.open("C1", null, open("Task_IssueLicence", "serviceTask", null));
        pending.open("C2", null, open("Task_IssueLicence", "serviceTask", null));
        pending.endActivity(new LedgerTransaction.ActivityEnd("C1", "Task_IssueLicence", "DONE", TEN));
        pending.open("C1", null, open("Task_IssueLicence", "serviceTask", null));

        pending.endActivity(new LedgerTransaction.ActivityEnd("C1", "Task_IssueLicence", "CANCELLED", TEN));

        List<LedgerTransaction.NewStep> steps = pending.newSteps();
        assertThat(steps)
                .extracting(s -> s.caseNumber + ":" + s.step.action())
                .containsExactly("C1:DONE", "C2:null", "C1:CANCELLED");
        assertThat(pending.activityEnds()).isEmpty();
    }

    private static LedgerStep open(String activityId, String type, String assignee) {
        return new LedgerStep(activityId, type, activityId, null, assignee, null, null, NINE, null, null);
    }
}
