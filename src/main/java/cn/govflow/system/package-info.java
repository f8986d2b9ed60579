/**
 * Cross-cutting pieces of the govflow API: the ProblemDetail error contract ({@code field}, {@code rule}) and
 * the {@link cn.govflow.system.ApiException} features throw for caller mistakes.
 */
package cn.govflow.system;
