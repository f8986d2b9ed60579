/**
 * Cross-cutting pieces of the govflow API: the ProblemDetail error contract ({@code field}, {@code rule}), the
 * {@link cn.govflow.system.ApiException} features throw for caller mistakes, and how the engine REST API answers
 * failures that are not the caller's fault (concurrent updates from another node, tasks already completed
 * elsewhere).
 */
package cn.govflow.system;
