package cn.govflow.ledger;

import java.time.LocalDateTime;

/**
 * One step (环节) of a case in the ledger (table {@code gf_ledger_step}): who did what, with which opinion, from
 * when to when. {@code action} is the task's outcome (RECEIVED, ACCEPTED, APPROVED, …), CANCELLED when a timer
 * or message took the case elsewhere, null while the step is open.
 */
public record LedgerStep(
        String activityId,
        String activityType,
        String name,
        String candidateGroup,
        String assignee,
        String action,
        String opinion,
        LocalDateTime startedAt,
        LocalDateTime dueAt,
        LocalDateTime endedAt) {}
