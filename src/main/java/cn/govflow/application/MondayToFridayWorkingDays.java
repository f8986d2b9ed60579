package cn.govflow.application;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Stop-gap until the working-day calendar (statutory holidays, make-up days) is available to the intake:
 * Monday to Friday count, nothing else is known.
 */
@Component
class MondayToFridayWorkingDays implements WorkingDays {

    @Override
    public LocalDate after(LocalDate date, int days) {
        LocalDate result = date;
        int counted = 0;
        while (counted < days) {
            result = result.plusDays(1);
            if (result.getDayOfWeek() != DayOfWeek.SATURDAY && result.getDayOfWeek() != DayOfWeek.SUNDAY) {
                counted++;
            }
        }
        return result;
    }
}
