package cn.govflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.calendar.WorkdayCalendar;
import cn.govflow.catalog.CatalogService;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The synthetic 杨浦 2023 year, generated in memory at full size (410,646 cases) and counted the way the report
 * counts: every published figure of 004 §二 comes out exactly.
 */
class SyntheticYearTests {

    static final WorkdayCalendar CALENDAR = WorkdayCalendar.fromClasspath();

    @Test
    @DisplayName("R32: the synthetic 杨浦 2023 year reproduces every figure of the published report")
    void r32_syntheticYearMatchesThePublishedFigures() {
        SyntheticYear.Profile p = SyntheticYear.Profile.YANGPU_2023;
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2023, 1, 1); d.getYear() == 2023; d = d.plusDays(1)) {
            if (CALENDAR.isWorkday(d)) {
                days.add(d);
            }
        }
        SyntheticYear.Generator generator =
                new SyntheticYear.Generator(p, CatalogService.fromClasspath().all(), days, CALENDAR);
        long applications = 0,
                accepted = 0,
                notAccepted = 0,
                approved = 0,
                notApproved = 0,
                online = 0,
                fully = 0,
                commitment = 0,
                onTheSpot = 0,
                onTime = 0,
                overdue = 0,
                feeCases = 0,
                window = 0,
                licence = 0;
        BigDecimal fee = BigDecimal.ZERO;
        int[] months = new int[13];
        for (int i = 0; i < p.applications(); i++) {
            Object[] row = generator.row(i, "SYN-");
            applications++;
            boolean isAccepted = row[17] != null;
            String outcome = (String) row[21];
            if (isAccepted) {
                accepted++;
                if ("ONLINE".equals(row[6])) {
                    online++;
                    if ("FULL_ONLINE".equals(row[3])) {
                        fully++;
                    }
                }
                if ((Boolean) row[8]) {
                    commitment++;
                }
            }
            notAccepted += "NOT_ACCEPTED".equals(outcome) ? 1 : 0;
            approved += "APPROVED".equals(outcome) ? 1 : 0;
            notApproved += "NOT_APPROVED".equals(outcome) ? 1 : 0;
            onTheSpot += (Boolean) row[25] ? 1 : 0;
            onTime += Boolean.TRUE.equals(row[23]) ? 1 : 0;
            overdue += Boolean.TRUE.equals(row[24]) ? 1 : 0;
            BigDecimal amount = (BigDecimal) row[11];
            if ("APPROVED".equals(outcome) && amount.signum() > 0) {
                feeCases++;
                fee = fee.add(amount);
            }
            if ("WINDOW".equals(row[6])) {
                window++;
                licence += (Boolean) row[10] ? 1 : 0;
            }
            months[(Integer) row[15]]++;
            if ((Boolean) row[25]) {
                assertThat(((Timestamp) row[19]).toLocalDateTime().toLocalDate())
                        .as("on the spot: decided the day it was applied for")
                        .isEqualTo(((Timestamp) row[13]).toLocalDateTime().toLocalDate());
            }
        }

        assertThat(applications).isEqualTo(410_646);
        assertThat(accepted).isEqualTo(409_102);
        assertThat(notAccepted).isEqualTo(1_544);
        assertThat(approved).isEqualTo(408_916);
        assertThat(notApproved).isEqualTo(186);
        assertThat(online).isEqualTo(89_846);
        assertThat(fully).isEqualTo(32_737);
        assertThat(commitment).isEqualTo(4_253);
        assertThat(onTheSpot).isEqualTo(150_380);
        assertThat(onTime).isEqualTo(407_058);
        assertThat(overdue).isEqualTo(11);
        assertThat(feeCases).isEqualTo(274_307);
        assertThat(fee).isEqualByComparingTo("47901381.60");
        assertThat(AnnualReport.Figures.rate(licence, window))
                .as("用证免交比率 %d/%d", licence, window)
                .isEqualByComparingTo("22.26");
        for (int month = 1; month <= 12; month++) {
            assertThat(months[month]).as("month %d", month).isBetween(20_000, 45_000);
        }
    }
}
