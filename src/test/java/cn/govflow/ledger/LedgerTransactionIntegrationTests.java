package cn.govflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govflow.process.CaseVariables;
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
            runtime.startProcessInstanceByKey("FullOnlineProcess", caseNumber, variables(caseNumber));
            assertThat(rows(caseNumber)).as("written inside the transaction").isEqualTo(1);
            throw new IllegalStateException("the caller's transaction fails after the start");
        })).hasMessageContaining("fails after the start");

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
        assertThat(rows(caseNumber)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from gf_ledger_step where case_number = ?", Long.class,
                caseNumber)).isZero();
    }

    @Test
    @DisplayName("Ledger: a completion the engine refuses (no outcome) writes no step end and leaves the row as it was")
    void refusedCompletionChangesNothing() {
        String caseNumber = "LEDGER-TX-" + UUID.randomUUID();
        runtime.startProcessInstanceByKey("FullOnlineProcess", caseNumber, variables(caseNumber));
        Task acceptance = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(acceptance.getTaskDefinitionKey()).isEqualTo("Task_Acceptance");

        assertThatThrownBy(() -> tasks.complete(acceptance.getId(), Map.of("acceptanceOutcome", "MAYBE")));

        assertThat(jdbc.queryForObject("select count(*) from gf_ledger_step where case_number = ? and "
                + "activity_id = 'Task_Acceptance' and ended_at is null", Long.class, caseNumber)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select accepted_at from gf_ledger_case where case_number = ?",
                java.sql.Timestamp.class, caseNumber)).isNull();

        tasks.complete(acceptance.getId(), Map.of("acceptanceOutcome", "ACCEPTED"));
        assertThat(jdbc.queryForObject("select accepted_at from gf_ledger_case where case_number = ?",
                java.sql.Timestamp.class, caseNumber)).isNotNull();
        assertThat(jdbc.queryForObject("select action from gf_ledger_step where case_number = ? and "
                + "activity_id = 'Task_Acceptance'", String.class, caseNumber)).isEqualTo("ACCEPTED");
    }

    @Test
    @DisplayName("Ledger: a completion inside a caller's transaction reaches the case row when that transaction commits, and never if it rolls back")
    void caseRowFollowsTheCallersTransaction() {
        String caseNumber = "LEDGER-TX-" + UUID.randomUUID();
        runtime.startProcessInstanceByKey("FullOnlineProcess", caseNumber, variables(caseNumber));
        Task acceptance = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            tasks.complete(acceptance.getId(), Map.of("acceptanceOutcome", "ACCEPTED"));
            throw new IllegalStateException("the caller's transaction fails after the completion");
        })).hasMessageContaining("after the completion");
        assertThat(acceptedAt(caseNumber)).isNull();
        assertThat(jdbc.queryForObject("select count(*) from gf_ledger_step where case_number = ? and "
                + "activity_id = 'Task_Acceptance' and ended_at is null", Long.class, caseNumber)).isEqualTo(1);

        transactions.executeWithoutResult(status -> {
            tasks.complete(acceptance.getId(), Map.of("acceptanceOutcome", "ACCEPTED"));
            Task review = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
            tasks.complete(review.getId(), Map.of("reviewOpinion", "材料齐全"));
        });
        assertThat(acceptedAt(caseNumber)).isNotNull();
        assertThat(jdbc.queryForList("select activity_id from gf_ledger_step where case_number = ? and task_id is not "
                + "null and ended_at is not null order by id", String.class, caseNumber))
                .containsExactly("Task_Acceptance", "Task_Review");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult()
                .getTaskDefinitionKey()).isEqualTo("Task_Decision");
    }

    private java.sql.Timestamp acceptedAt(String caseNumber) {
        return jdbc.queryForObject("select accepted_at from gf_ledger_case where case_number = ?",
                java.sql.Timestamp.class, caseNumber);
    }

    private long rows(String caseNumber) {
        return jdbc.queryForObject("select count(*) from gf_ledger_case where case_number = ?", Long.class, caseNumber);
    }

    static Map<String, Object> variables(String caseNumber) {
        Map<String, Object> v = new java.util.HashMap<>(Map.of(CaseVariables.CASE_NUMBER, caseNumber,
                CaseVariables.ITEM_CODE, "2022-FO-004",
                CaseVariables.MODE, "FULL_ONLINE", CaseVariables.DEPARTMENT, "public-security",
                CaseVariables.DISTRICT, "yangpu", CaseVariables.CHANNEL, "ONLINE",
                CaseVariables.RESULT_TYPE, "E_LICENCE", CaseVariables.PROMISED_DAYS, 5,
                CaseVariables.RECEIPT_IS_ACCEPTANCE, false, CaseVariables.ON_THE_SPOT, false));
        v.put(CaseVariables.COMMITMENT, false);
        v.put(CaseVariables.CLOCK_STARTS_AT, "ACCEPTANCE");
        return v;
    }
}
