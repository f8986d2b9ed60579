/**
 * Case intake (收件): external callers start cases over REST, checked against the catalog (R4–R8, R11, R15, R17),
 * recorded in {@code gf_case} and run by the process of the item's mode; {@link cn.govflow.application.CaseDirectory}.
 */
package cn.govflow.application;
