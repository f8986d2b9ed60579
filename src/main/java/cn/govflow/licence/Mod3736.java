package cn.govflow.licence;

/**
 * ISO/IEC 7064 hybrid system MOD 37,36 over the alphabet 0–9, A–Z (values 0–35). With M = 36:
 * P₁ = M; for every character aⱼ: Sⱼ = (Pⱼ + aⱼ) mod M, taken as M when it is 0; Pⱼ₊₁ = (2·Sⱼ) mod (M + 1).
 * The check character a makes (Pₙ₊₁ + a) mod M = 1, i.e. a = (M + 1 − Pₙ₊₁) mod M.
 */
final class Mod3736 {

    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int M = 36;

    private Mod3736() {}

    static char checkCharacter(String data) {
        int p = M;
        for (int i = 0; i < data.length(); i++) {
            int s = (p + value(data.charAt(i))) % M;
            if (s == 0) {
                s = M;
            }
            p = (2 * s) % (M + 1);
        }
        return ALPHABET.charAt((M + 1 - p) % M);
    }

    static boolean isValid(String data, char check) {
        return isCodeCharacter(check) && checkCharacter(data) == check;
    }

    static boolean isCodeCharacter(char c) {
        return ALPHABET.indexOf(c) >= 0;
    }

    private static int value(char c) {
        int value = ALPHABET.indexOf(c);
        if (value < 0) {
            throw new IllegalArgumentException("'" + c + "' is not a character of ISO/IEC 7064 MOD 37,36 (0-9, A-Z)");
        }
        return value;
    }
}
