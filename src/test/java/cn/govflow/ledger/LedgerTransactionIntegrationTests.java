package cn.govflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govflow.support.FullOnlineCases;
import cn.govflow.support.GovflowIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger commits and rolls back with the engine: it never holds a step the engine does not. */
@GovflowIntegrationTest
class LedgerTransactionIntegrationTests {

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("Ledger: a case started in a transaction that fails leaves neither a process nor a ledger row")
    void rolledBackStartLeavesNoRow() {
        String caseNumber = "LEDGER-TX-" + UUID.randomUUID();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    runtime.startProcessInstanceByKey(
                            FullOnlineCases.PROCESS_KEY, caseNumber, FullOnlineCases.variables(caseNumber));
                    assertThat(rows(caseNumber))
                            .as("written inside the transaction")
                            .isEqualTo(1);
                    throw new IllegalStateException("the caller's transaction fails after the start");
                }))
                .hasMessageContaining("fails after the start");

        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(caseNumber)
                        .count())
                .isZero();
        assertThat(rows(caseNumber)).isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from gf_ledger_step where case_number = ?", Long.class, caseNumber))
                .isZero();
    }

    @Test
    @DisplayName("Ledger: a completion the engine refuses (no outcome) writes no step end and leaves the row as it was")
    void refusedCompletionChangesNothing() {
        String caseNumber = "LEDGER-TX-" + UUID.randomUUID();
        Task acceptance = startAtAcceptance(caseNumber);

        assertThatThrownBy(() -> tasks.complete(acceptance.getId(), Map.of("acceptanceOutcome", "MAYBE")));

        assertThat(openSteps(caseNumber, "Task_Acceptance")).isEqualTo(1);
        assertThat(acceptedAt(caseNumber)).isNull();

        tasks.complete(acceptance.getId(), Map.of("acceptanceOutcome", "ACCEPTED"));
        assertThat(acceptedAt(caseNumber)).isNotNull();
        assertThat(jdbc.queryForObject(
                        "select action from gf_ledger_step where case_number = ? and "
                                + "activity_id = 'Task_Acceptance'",
                        String.class,
                        caseNumber))
                .isEqualTo("ACCEPTED");
    }

    @Test
    @DisplayName(
            "Ledger: a completion inside a caller's transaction reaches the case row when that transaction commits, and never if it rolls back")
    void caseRowFollowsTheCallersTransaction() {
        String caseNumber = "LEDGER-TX-" + UUID.randomUUID();
        Task acceptance = startAtAcceptance(caseNumber);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
                    tasks.complete(acceptance.getId(), Map.of("acceptanceOutcome", "ACCEPTED"));
                    throw new IllegalStateException("the caller's transaction fails after the completion");
                }))
                .hasMessageContaining("after the completion");
        assertThat(acceptedAt(caseNumber)).isNull();
        assertThat(openSteps(caseNumber, "Task_Acceptance")).isEqualTo(1);

        transactions.executeWithoutResult(status -> {
            tasks.complete(acceptance.getId(), Map.of("acceptanceOutcome", "ACCEPTED"));
            Task review = tasks.createTaskQuery()
                    .processInstanceBusinessKey(caseNumber)
                    .singleResult();
            tasks.complete(review.getId(), Map.of("reviewOpinion", "材料齐全"));
        });
        assertThat(acceptedAt(caseNumber)).isNotNull();
        assertThat(jdbc.queryForList(
                        "select activity_id from gf_ledger_step where case_number = ? and task_id is not "
                                + "null and ended_at is not null order by id",
                        String.class,
                        caseNumber))
                .containsExactly("Task_Acceptance", "Task_Review");
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(caseNumber)
                        .singleResult()
                        .getTaskDefinitionKey())
                .isEqualTo("Task_Decision");
    }

    private Task startAtAcceptance(String caseNumber) {
        runtime.startProcessInstanceByKey(
                FullOnlineCases.PROCESS_KEY, caseNumber, FullOnlineCases.variables(caseNumber));
        Task acceptance =
                tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(acceptance.getTaskDefinitionKey()).isEqualTo("Task_Acceptance");
        return acceptance;
    }

    private long openSteps(String caseNumber, String activityId) {
        return jdbc.queryForObject(
                "select count(*) from gf_ledger_step where case_number = ? and activity_id = ? "
                        + "and ended_at is null",
                Long.class,
                caseNumber,
                activityId);
    }

    private java.sql.Timestamp acceptedAt(String caseNumber) {
        return jdbc.queryForObject(
                "select accepted_at from gf_ledger_case where case_number = ?", java.sql.Timestamp.class, caseNumber);
    }

    private long rows(String caseNumber) {
        return jdbc.queryForObject("select count(*) from gf_ledger_case where case_number = ?", Long.class, caseNumber);
    }
}
