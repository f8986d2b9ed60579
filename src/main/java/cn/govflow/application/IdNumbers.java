package cn.govflow.application;

/** How an applicant's id number appears outside the intake's own table. */
public final class IdNumbers {

    private IdNumbers() {}

    /** First 4 and last 4 characters, the rest as {@code *}: {@code 3101**********1234}. */
    public static String mask(String number) {
        if (number == null) {
            return null;
        }
        if (number.length() <= 8) {
            return "*".repeat(number.length());
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
    }
}
