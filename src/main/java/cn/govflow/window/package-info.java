/**
 * The window intake desk (窗口收件台, {@code /window-desk/}): what a comprehensive window may receive, what it
 * received today, and the desk's session. The desk starts cases through the intake API like any other caller.
 */
package cn.govflow.window;
