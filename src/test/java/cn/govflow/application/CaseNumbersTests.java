package cn.govflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.govflow.catalog.District;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CaseNumbersTests {

    @Test
    void caseNumbersReadDateDistrictAndSequence() {
        assertThat(CaseNumbers.format(LocalDate.of(2026, 11, 23), District.PUDONG, 123))
                .isEqualTo("SH-20261123-PD-000123");
        assertThat(CaseNumbers.format(LocalDate.of(2026, 1, 2), District.CHONGMING, 1_234_567))
                .isEqualTo("SH-20260102-CM-1234567");
    }

    @Test
    void everyDistrictHasItsOwnAbbreviation() {
        assertThat(java.util.Arrays.stream(District.values())
                        .map(d -> CaseNumbers.format(LocalDate.of(2026, 1, 1), d, 1)
                                .substring(12, 14))
                        .distinct())
                .hasSize(District.values().length);
    }
}
