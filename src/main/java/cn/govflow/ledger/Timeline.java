package cn.govflow.ledger;

import java.util.List;

/** A case's timeline from the ledger: the case row, its steps in order and its rating, also long after it ended. */
public record Timeline(LedgerCase ledgerCase, List<LedgerStep> steps, Rating rating) {}
