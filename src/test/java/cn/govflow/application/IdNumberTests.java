package cn.govflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTests {

    @Test
    @DisplayName("GB 11643 worked example 11010519491231002X: weighted sum 167, 167 mod 11 = 2 → X")
    void residentIdWorkedExample() {
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumber.isValid("11010519491231002X")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"440524188001010014", "310104198001011239"})
    void residentIdsWithCorrectCheckDigit(String id) {
        assertThat(ResidentIdNumber.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "110105194912310021", // check digit should be X
                "11010519491231002x", // lower-case x is not the standard's X
                "310104198001011234", // check digit should be 9
                "310104198002301236", // 30 February
                "31010419800101123", // 17 digits
                "3101041980010112391", // 19 digits
                "31010419800101123A"
            })
    void residentIdsRefused(String id) {
        assertThat(ResidentIdNumber.isValid(id)).isFalse();
    }

    @Test
    void residentIdNullIsNotValid() {
        assertThat(ResidentIdNumber.isValid(null)).isFalse();
    }

    @Test
    @DisplayName("GB 32100 worked example 91350100M000100Y43: 31 - (sum mod 31) = 3")
    void creditCodeWorkedExample() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(UnifiedSocialCreditCode.isValid("91350100M000100Y43")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91110000802100433B", "91310000132245768Q"})
    void creditCodesWithCorrectCheckCharacter(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "91350100M000100Y44", // wrong check character
                "91350100M000100Y4I", // I is not in the character set
                "91350100O000100Y43", // O is not in the character set
                "91350100m000100y43", // lower case
                "91350100M000100Y4"
            }) // 17 characters
    void creditCodesRefused(String code) {
        assertThat(UnifiedSocialCreditCode.isValid(code)).isFalse();
    }

    @Test
    @DisplayName("id numbers show first 4 and last 4 characters only")
    void masking() {
        assertThat(IdNumbers.mask("310104198001011239")).isEqualTo("3101**********1239");
        assertThat(IdNumbers.mask("91350100M000100Y43")).isEqualTo("9135**********0Y43");
        assertThat(IdNumbers.mask("1234")).isEqualTo("****");
        assertThat(IdNumbers.mask(null)).isNull();
    }
}
