/**
 * Post-approval supervision of delegated items (R4): the ledger of district approvals reported to the city
 * department, the random spot checks (双随机) and the suspension of a district's delegation after a violation.
 * {@link cn.govflow.supervision.DelegationSuspensions} is the service other features consult.
 */
package cn.govflow.supervision;
