/**
 * The case ledger (办件库, issue 9): one row per case and per step, written by {@link cn.govflow.ledger.LedgerPlugin}
 * inside the engine's transaction; the annual report of R32 ({@link cn.govflow.ledger.AnnualReports}), 好差评 with
 * its rectification process (R30, {@link cn.govflow.ledger.Ratings}) and the synthetic year that sizes the report
 * ({@link cn.govflow.ledger.SyntheticYear}).
 */
package cn.govflow.ledger;
