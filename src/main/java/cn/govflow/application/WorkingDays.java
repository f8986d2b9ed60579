package cn.govflow.application;

import java.time.LocalDate;

/** Counts working days for the date the applicant is told at receipt (R19). */
interface WorkingDays {

    /** The date {@code days} working days after {@code date}. */
    LocalDate after(LocalDate date, int days);
}
