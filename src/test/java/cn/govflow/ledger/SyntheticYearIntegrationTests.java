package cn.govflow.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.support.GovflowIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The synthetic year through the database: loaded (at 1/100 of 杨浦 2023, into 2019 where no other test writes),
 * reported, loaded again without doubling. The full-size year is loaded by the benchmark.
 */
@GovflowIntegrationTest
class SyntheticYearIntegrationTests {

    @Autowired
    SyntheticYear syntheticYear;

    @Autowired
    AnnualReports reports;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName(
            "R32: a loaded synthetic year reports exactly its profile's figures, and a second load replaces the first")
    void r32_loadedYearReportsItsProfile() {
        SyntheticYear.Profile p = SyntheticYear.Profile.YANGPU_2023.scaledDown(100, 2019);

        assertThat(syntheticYear.load(p)).isEqualTo(p.applications());
        assertThat(syntheticYear.load(p)).isEqualTo(p.applications());

        AnnualReport report = reports.report(2019, "yangpu", null);
        AnnualReport.Figures f = report.figures();
        assertThat(f.applications()).isEqualTo(p.applications());
        assertThat(f.accepted()).isEqualTo(p.accepted());
        assertThat(f.notAccepted()).isEqualTo(p.notAccepted());
        assertThat(f.approved()).isEqualTo(p.approved());
        assertThat(f.notApproved()).isEqualTo(p.notApproved());
        assertThat(f.acceptedOnline()).isEqualTo(p.acceptedOnline());
        assertThat(f.fullyOnline()).isEqualTo(p.fullyOnline());
        assertThat(f.commitment()).isEqualTo(p.commitment());
        assertThat(f.onTheSpot()).isEqualTo(p.onTheSpot());
        assertThat(f.onTime()).isEqualTo(p.onTime());
        assertThat(f.overdue()).isEqualTo(p.overdue());
        assertThat(f.feeCases()).isEqualTo(p.feeCases());
        assertThat(f.feeTotal()).isEqualByComparingTo(p.feeTotal());
        assertThat(f.licenceReplacedPaperRate()).isEqualByComparingTo(p.licenceReplacedPaperRate());
        assertThat(report.reconciliation()).allMatch(AnnualReport.Reconciliation::holds);
        assertThat(report.byMonth().stream()
                        .mapToLong(m -> m.figures().applications())
                        .sum())
                .isEqualTo(p.applications());
        assertThat(report.byDepartment().stream()
                        .mapToLong(d -> d.figures().applications())
                        .sum())
                .isEqualTo(p.applications());
        Map<String, Object> steps =
                jdbc.queryForMap("select count(*) as n from gf_ledger_step where case_number like 'SYN-%'");
        assertThat(((Number) steps.get("n")).longValue())
                .as("synthetic cases have no steps")
                .isZero();
    }
}
