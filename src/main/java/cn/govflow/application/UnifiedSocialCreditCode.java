package cn.govflow.application;

/**
 * The 18-character unified social credit code (统一社会信用代码) of GB 32100-2015: characters from the 31-symbol
 * set {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z); the last one is a check character, weights
 * {@code 3^i mod 31}.
 */
public final class UnifiedSocialCreditCode {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {}

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17);
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }
}
