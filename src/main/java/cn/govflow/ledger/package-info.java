/**
 * The case ledger (办件库, issue 9): one row per case and per step, written by {@link cn.govflow.ledger.LedgerPlugin}
 * inside the engine's transaction; the annual report of R32 ({@link cn.govflow.ledger.AnnualReports}) and 好差评 with
 * its rectification process (R30, {@link cn.govflow.ledger.Ratings}). The synthetic year that sizes the report is
 * load-test data and lives with the tests and the benchmark ({@code src/test/java/cn/govflow/ledger/SyntheticYear}).
 */
package cn.govflow.ledger;
