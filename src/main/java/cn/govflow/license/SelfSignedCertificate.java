package cn.govflow.license;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A minimal self-signed X.509 v1 certificate for an Ed25519 key pair, DER-encoded by hand: a PKCS#12 keystore
 * keeps a private key only together with a certificate, and the JDK has no public API to create one.
 */
final class SelfSignedCertificate {

    private static final byte[] ED25519 = {0x06, 0x03, 0x2B, 0x65, 0x70}; // OID 1.3.101.112
    private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03}; // OID 2.5.4.3

    private SelfSignedCertificate() {}

    static X509Certificate create(KeyPair keys, String commonName, ZonedDateTime notBefore, ZonedDateTime notAfter)
            throws GeneralSecurityException {
        byte[] algorithm = tlv(0x30, ED25519);
        byte[] name = tlv(0x30, tlv(0x31, tlv(0x30, COMMON_NAME, tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] serial = tlv(0x02, new BigInteger(63, new SecureRandom()).add(BigInteger.ONE).toByteArray());
        byte[] validity = tlv(0x30, time(notBefore), time(notAfter));
        byte[] tbs = tlv(0x30, serial, algorithm, name, validity, name, keys.getPublic().getEncoded());

        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bitString = new byte[signature.length + 1]; // leading 0: no unused bits
        System.arraycopy(signature, 0, bitString, 1, signature.length);

        byte[] der = tlv(0x30, tbs, algorithm, tlv(0x03, bitString));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    private static byte[] time(ZonedDateTime time) {
        ZonedDateTime utc = time.withZoneSameInstant(ZoneOffset.UTC);
        boolean utcTime = utc.getYear() < 2050; // RFC 5280: UTCTime until 2049, GeneralizedTime after
        String text = utc.format(DateTimeFormatter.ofPattern(utcTime ? "yyMMddHHmmss'Z'" : "yyyyMMddHHmmss'Z'"));
        return tlv(utcTime ? 0x17 : 0x18, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] tlv(int tag, byte[]... contents) {
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        for (byte[] content : contents) {
            value.writeBytes(content);
        }
        int length = value.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xFF);
        }
        out.writeBytes(value.toByteArray());
        return out.toByteArray();
    }
}
