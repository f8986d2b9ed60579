package cn.govflow.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The licence identifier and its ISO/IEC 7064 MOD 37,36 check character. The expected check characters were
 * worked out by hand from the standard's definition (hybrid system, M = 36, alphabet 0–9 = 0–9, A–Z = 10–35):
 * P₁ = 36; for each character a: S = (P + a) mod 36, with 0 read as 36; P' = 2·S mod 37; at the end the check
 * character is (37 − P) mod 36, so that (P + check) mod 36 = 1.
 */
class LicenceIdentifierTests {

    /*
     * "G7":  G = 16: S = (36 + 16) mod 36 = 16, P = 32 mod 37 = 32
     *        7 =  7: S = (32 +  7) mod 36 =  3, P =  6 mod 37 =  6
     *        check = (37 − 6) mod 36 = 31 → V
     */
    @Test
    @DisplayName("R20: MOD 37,36 of G7 is V (worked by hand)")
    void checkCharacterOfTwoCharacters() {
        assertThat(Mod3736.checkCharacter("G7")).isEqualTo('V');
    }

    /*
     * "Z3":  Z = 35: S = (36 + 35) mod 36 = 35, P = 70 mod 37 = 33
     *        3 =  3: S = (33 +  3) mod 36 =  0 → read as 36, P = 72 mod 37 = 35
     *        check = (37 − 35) mod 36 = 2 → 2
     * "0":   0 =  0: S = (36 + 0) mod 36 = 0 → 36, P = 72 mod 37 = 35; check = 2 → 2
     */
    @Test
    @DisplayName("R20: MOD 37,36 reads a zero sum as 36 (Z3 → 2, 0 → 2, worked by hand)")
    void zeroSumIsReadAsThirtySix() {
        assertThat(Mod3736.checkCharacter("Z3")).isEqualTo('2');
        assertThat(Mod3736.checkCharacter("0")).isEqualTo('2');
    }

    /*
     * Type 11310000GF00000449 + 001, issuer 11310000GF00000449, serial 202600000001, version 001, i.e. the 54
     * characters 11310000GF0000044900111310000GF00000449202600000001001. P after each character:
     *   1:2  1:6  3:18  1:1  0:2  0:4  0:8  0:16  G(16):27  F(15):12  0:24  0:11  0:22  0:7  0:14  4:36  4:8  9:34
     *   0:31  0:25  1:15
     *   1:32  1:29  3:27  1:19  0:1  0:2  0:4  0:8  G:11  F:15  0:30  0:23  0:9  0:18  0:36  4:8  4:24  9:29
     *   2:25  0:13  2:30  6:35 (S = 36)  0:33  0:29  0:21  0:5  0:10  0:20  0:3  1:8  0:16  0:32  1:29
     * e.g. the 9th character G after P = 16: S = (16 + 16) mod 36 = 32, P = 64 mod 37 = 27;
     * the 16th, 4 after P = 14: S = 18, P = 36; the 17th, 4 after P = 36: S = 40 mod 36 = 4, P = 8.
     * Final P = 29, check = (37 − 29) mod 36 = 8.
     */
    @Test
    @DisplayName(
            "R20: a licence identifier carries the MOD 37,36 check character over type + issuer + serial + version")
    void identifierOfPublicSecurityLicence() {
        LicenceIdentifier identifier =
                LicenceIdentifier.of("11310000GF00000449001", "11310000GF00000449", "202600000001", "001");

        assertThat(identifier.check()).isEqualTo('8');
        assertThat(identifier)
                .hasToString("1.2.156.3005.2.11310000GF00000449001.11310000GF00000449.202600000001.001.8");
        assertThat(identifier.checkCharacterValid()).isTrue();
    }

    @Test
    @DisplayName("R20: a wrong check character is detected")
    void wrongCheckCharacterIsDetected() {
        LicenceIdentifier wrong =
                LicenceIdentifier.parse("1.2.156.3005.2.11310000GF00000449001.11310000GF00000449.202600000001.001.9");

        assertThat(wrong.checkCharacterValid()).isFalse();
        assertThat(LicenceIdentifier.parse("1.2.156.3005.2.11310000GF00000449001.11310000GF00000449.202600000001.001.8")
                        .checkCharacterValid())
                .isTrue();
    }

    @Test
    @DisplayName("R20: a changed serial invalidates the check character")
    void changedSerialIsDetected() {
        assertThat(LicenceIdentifier.parse("1.2.156.3005.2.11310000GF00000449001.11310000GF00000449.202600000002.001.8")
                        .checkCharacterValid())
                .isFalse();
    }

    @Test
    @DisplayName("R20: an identifier outside the national format is refused with the reason")
    void malformedIdentifiersAreRefused() {
        assertThatThrownBy(() -> LicenceIdentifier.parse("2.16.156.1.2.3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.2.156.3005.2");
        assertThatThrownBy(() -> LicenceIdentifier.parse(
                        "1.2.156.3005.2.11310000GF00000449.11310000GF00000449.202600000001.001.8"))
                .hasMessageContaining("类型代码");
        assertThatThrownBy(() -> LicenceIdentifier.parse(
                        "1.2.156.3005.2.11310000GF00000449001.11310000GF00000449.202600000001.1.8"))
                .hasMessageContaining("版本号");
    }
}
