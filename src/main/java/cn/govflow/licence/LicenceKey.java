package cn.govflow.licence;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One key of the licence keystore as the licence library sees it: its public key and certificate, never the private
 * key. {@code keyId} is the first 16 bytes of the SHA-256 of the public key's DER (SubjectPublicKeyInfo), in hex,
 * so anyone can recompute it from the published PEM.
 */
record LicenceKey(
        String alias, String keyId, String algorithm, PublicKey publicKey, X509Certificate certificate, Status status) {

    /** ACTIVE signs new licences (exactly one); RETIRED and COMPROMISED sign nothing, their licences still verify. */
    enum Status {
        ACTIVE,
        RETIRED,
        COMPROMISED
    }

    /** The licences govflow signed with Ed25519 before SM2 (ADR 0045); such a key can only be retired. */
    static final String ED25519 = "Ed25519";

    static LicenceKey of(String alias, X509Certificate certificate, Status status) {
        PublicKey key = certificate.getPublicKey();
        String algorithm;
        if (Sm2.isSm2(key)) {
            algorithm = Sm2.ALGORITHM;
        } else if (ED25519.equalsIgnoreCase(key.getAlgorithm()) || "EdDSA".equalsIgnoreCase(key.getAlgorithm())) {
            algorithm = ED25519;
        } else {
            throw new IllegalStateException("Licence keystore entry '" + alias + "' holds a " + key.getAlgorithm()
                    + " key: licence keys are SM2 (curve " + Sm2.CURVE + "), or Ed25519 for licences signed before "
                    + "SM2 was introduced");
        }
        return new LicenceKey(alias, keyId(key), algorithm, key, certificate, status);
    }

    static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    LicenceKey withStatus(Status newStatus) {
        return new LicenceKey(alias, keyId, algorithm, publicKey, certificate, newStatus);
    }

    boolean verify(String signerId, byte[] data, byte[] value) {
        if (Sm2.ALGORITHM.equals(algorithm)) {
            return Sm2.verify(publicKey, signerId, data, value);
        }
        try {
            Signature signature = Signature.getInstance(ED25519, Sm2.PROVIDER);
            signature.initVerify(publicKey);
            signature.update(data);
            return signature.verify(value);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }
}
