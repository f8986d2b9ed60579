/**
 * What operators watch (docs/monitoring.md): govflow's business metrics on Micrometer's Prometheus registry
 * ({@link cn.govflow.monitoring.GovflowMetrics}), gauges of open work read from the database on a schedule
 * ({@link cn.govflow.monitoring.OpenWorkGauges}), Camunda's own engine metrics as counters
 * ({@link cn.govflow.monitoring.CamundaMetricsPlugin}), and the case number in every log line written while a
 * case is worked ({@link cn.govflow.monitoring.CaseLogContext}). Labels are bounded: mode, district, channel,
 * outcome, rule, step, task definition, process and activity ids — never a case number or a user id.
 */
package cn.govflow.monitoring;
