package cn.govflow.licence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A licence identifier in the national format (GB/T 36904 style):
 * {@code 1.2.156.3005.2.<type code>.<issuer code>.<serial>.<version>.<check character>}. The type code is the
 * defining authority's unified social credit code plus three digits, the issuer code the issuer's 18-character
 * code, the version three digits; the check character is ISO/IEC 7064 MOD 37,36 over type + issuer + serial +
 * version.
 */
public record LicenceIdentifier(String typeCode, String issuerCode, String serial, String version, char check) {

    public static final String ROOT = "1.2.156.3005.2";

    private static final Pattern TYPE_CODE = Pattern.compile("[0-9A-Z]{18}[0-9]{3}");
    private static final Pattern ISSUER_CODE = Pattern.compile("[0-9A-Z]{18}");
    private static final Pattern SERIAL = Pattern.compile("[0-9A-Z]{1,32}");
    private static final Pattern VERSION = Pattern.compile("[0-9]{3}");

    /** A new identifier with its check character computed. */
    static LicenceIdentifier of(String typeCode, String issuerCode, String serial, String version) {
        LicenceIdentifier unchecked = new LicenceIdentifier(typeCode, issuerCode, serial, version, '0');
        List<String> problems = unchecked.formatProblems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new LicenceIdentifier(
                typeCode, issuerCode, serial, version, Mod3736.checkCharacter(unchecked.checkedPart()));
    }

    /** Splits an identifier into its parts; the check character is not verified here. */
    public static LicenceIdentifier parse(String text) {
        if (text == null || !text.startsWith(ROOT + ".")) {
            throw new IllegalArgumentException("证照标识须以 " + ROOT + ". 开头");
        }
        String[] parts = text.substring(ROOT.length() + 1).split("\\.", -1);
        if (parts.length != 5 || parts[4].length() != 1) {
            throw new IllegalArgumentException("证照标识须为 " + ROOT + ".类型代码.颁发机构代码.流水号.版本号.校验位");
        }
        LicenceIdentifier identifier =
                new LicenceIdentifier(parts[0], parts[1], parts[2], parts[3], parts[4].charAt(0));
        List<String> problems = identifier.formatProblems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return identifier;
    }

    /** type + issuer + serial + version: what the check character is computed over. */
    String checkedPart() {
        return typeCode + issuerCode + serial + version;
    }

    public boolean checkCharacterValid() {
        return Mod3736.isValid(checkedPart(), check);
    }

    private List<String> formatProblems() {
        List<String> problems = new ArrayList<>();
        if (typeCode == null || !TYPE_CODE.matcher(typeCode).matches()) {
            problems.add("类型代码须为 18 位统一社会信用代码加 3 位数字");
        }
        if (issuerCode == null || !ISSUER_CODE.matcher(issuerCode).matches()) {
            problems.add("颁发机构代码须为 18 位");
        }
        if (serial == null || !SERIAL.matcher(serial).matches()) {
            problems.add("流水号须为 1 到 32 位数字或大写字母");
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            problems.add("版本号须为 3 位数字");
        }
        return problems;
    }

    @Override
    public String toString() {
        return ROOT + "." + typeCode + "." + issuerCode + "." + serial + "." + version + "." + check;
    }
}
