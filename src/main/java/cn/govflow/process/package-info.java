/**
 * What the three handling-mode models share: variable names, and the engine plugin that enforces task outcomes
 * on the server whatever the client (Tasklist form or REST call).
 */
package cn.govflow.process;
