/**
 * Working days of the mainland Chinese calendar (statutory holidays and 调休) and the statutory clock of a case:
 * promised decision date, pauses for 补正 and special procedures, one extension, on time or overdue (R16, R27, R33).
 */
package cn.govflow.calendar;
