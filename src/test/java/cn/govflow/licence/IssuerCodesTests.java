package cn.govflow.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.govflow.application.UnifiedSocialCreditCode;
import cn.govflow.system.InvalidConfigurationFileException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The issuer codes of config/licence/issuers.yaml pass the same GB 32100 check as applicants' codes. */
class IssuerCodesTests {

    /*
     * 11310000GF00000449, by hand (GB 32100: C18 = 31 − (Σ Cᵢ·Wᵢ mod 31), alphabet 0–9 A–H J–N P Q R T U W X Y):
     * values 1 1 3 1 0 0 0 0 G=16 F=15 0 0 0 0 0 4 4, weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
     * Σ = 1 + 3 + 27 + 27 + 320 + 435 + 120 + 112 = 1045; 1045 mod 31 = 22; 31 − 22 = 9 → 9.
     */
    @Test
    @DisplayName("R20: a unified social credit code carries its GB 32100 check character")
    void checkCharacterOfTheDemoPublicSecurityCode() {
        assertThat(UnifiedSocialCreditCode.isValid("11310000GF00000449")).isTrue();
        assertThat(UnifiedSocialCreditCode.isValid("11310000GF00000448")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("11310000GF0000044I")).isFalse();
        assertThat(UnifiedSocialCreditCode.isValid("11310000GF0000044")).isFalse();
    }

    @Test
    @DisplayName("R20: every configured authority and issuer code is a valid unified social credit code")
    void configuredCodesAreValid() {
        LicenceIssuers issuers = new LicenceIssuers();

        assertThat(issuers.forDepartment("public-security").issuerCode()).isEqualTo("11310000GF00000449");
        assertThat(issuers.forDepartment("no-such-department").issuerCode()).isEqualTo("11310000GF0000001U");
    }

    @Test
    @DisplayName("a misspelled key in issuers.yaml stops loading, naming the file and the key")
    void unknownKeyStopsLoading() {
        assertThatThrownBy(() -> new LicenceIssuers("licence-fixtures/unknown-key.yaml"))
                .isInstanceOfSatisfying(InvalidConfigurationFileException.class, e -> {
                    assertThat(e.file()).isEqualTo("licence-fixtures/unknown-key.yaml");
                    assertThat(e)
                            .hasMessageContaining("unknown key 'issuerCod' at departments.public-security")
                            .hasMessageContaining("known keys: authorityCode, issuerCode");
                });
    }

    @Test
    @DisplayName("a department key that is no department stops loading instead of falling back silently")
    void unknownDepartmentStopsLoading() {
        assertThatThrownBy(() -> new LicenceIssuers("licence-fixtures/unknown-department.yaml"))
                .isInstanceOf(InvalidConfigurationFileException.class)
                .hasMessageContaining("licence-fixtures/unknown-department.yaml")
                .hasMessageContaining("unknown department 'public-securty'");
    }
}
