package cn.govflow.application;

import cn.govflow.calendar.EngineClock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The 18-digit citizen identification number of GB 11643-1999: 6-digit address code, birth date (yyyyMMdd),
 * 3-digit sequence and a check character computed with ISO 7064 MOD 11-2 ({@code X} stands for 10).
 */
public final class ResidentIdNumber {

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private ResidentIdNumber() {}

    public static boolean isValid(String number) {
        if (number == null || !SHAPE.matcher(number).matches()) {
            return false;
        }
        if (!validBirthDate(number.substring(6, 14))) {
            return false;
        }
        return checkCharacter(number.substring(0, 17)) == number.charAt(17);
    }

    /** ISO 7064 MOD 11-2 over the first 17 digits. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static boolean validBirthDate(String yyyyMMdd) {
        try {
            LocalDate date = LocalDate.of(
                    Integer.parseInt(yyyyMMdd.substring(0, 4)),
                    Integer.parseInt(yyyyMMdd.substring(4, 6)),
                    Integer.parseInt(yyyyMMdd.substring(6, 8)));
            return date.getYear() >= 1800 && !date.isAfter(LocalDate.now(EngineClock.SHANGHAI));
        } catch (DateTimeException e) {
            return false;
        }
    }
}
