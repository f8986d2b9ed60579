package cn.govflow.license;

import java.util.regex.Pattern;

/**
 * The 18-character unified social credit code (统一社会信用代码, GB 32100-2015): its last character is a check
 * character over the first 17 (weights 3ⁱ mod 31 over the 31-character alphabet without I, O, S, V, Z).
 */
final class UnifiedSocialCreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern FORMAT = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    private UnifiedSocialCreditCode() {}

    static boolean isValid(String code) {
        if (code == null || !FORMAT.matcher(code).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += WEIGHTS[i] * ALPHABET.indexOf(code.charAt(i));
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == ALPHABET.charAt(check);
    }
}
