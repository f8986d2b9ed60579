package cn.govflow.license;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Ed25519 key that signs every licence, from a PKCS#12 keystore (generated there in the demo profile). */
final class SigningKeys {

    static final String ALGORITHM = "Ed25519";
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    SigningKeys(KeyPair keys) {
        this.privateKey = keys.getPrivate();
        this.publicKey = keys.getPublic();
        this.keyId = fingerprint(publicKey);
    }

    /** Loads the key; a missing keystore is generated only when allowed, otherwise start-up stops here. */
    static SigningKeys fromKeystore(LicenseProperties.Keystore settings) {
        String password = settings.password();
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("govflow.license.keystore.password is not set: give the licence signing "
                    + "keystore's password in GOVFLOW_LICENSE_KEYSTORE_PASSWORD (or run with the demo profile)");
        }
        Path path = Path.of(settings.path());
        try {
            if (!Files.exists(path)) {
                if (!settings.generateIfMissing()) {
                    throw new IllegalStateException("Licence signing keystore not found at " + path.toAbsolutePath()
                            + ": create a PKCS#12 keystore with an Ed25519 key under alias '" + settings.alias()
                            + "' (keytool -genkeypair -keyalg Ed25519 -storetype PKCS12) and set "
                            + "GOVFLOW_LICENSE_KEYSTORE, or run with the demo profile, which generates one");
                }
                generate(path, settings.alias(), password.toCharArray());
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(path)) {
                store.load(in, password.toCharArray());
            }
            Certificate certificate = store.getCertificate(settings.alias());
            if (!(store.getKey(settings.alias(), password.toCharArray()) instanceof PrivateKey key)
                    || certificate == null) {
                throw new IllegalStateException("Licence signing keystore " + path.toAbsolutePath()
                        + " has no private key with a certificate under alias '" + settings.alias() + "'");
            }
            SigningKeys keys = new SigningKeys(new KeyPair(certificate.getPublicKey(), key));
            byte[] probe = "govflow".getBytes();
            if (!keys.verify(probe, keys.sign(probe))) {
                throw new IllegalStateException("Licence signing keystore " + path.toAbsolutePath()
                        + ": the key under alias '" + settings.alias() + "' is not a working Ed25519 key pair");
            }
            return keys;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the licence signing keystore " + path.toAbsolutePath()
                    + " (wrong password or not PKCS#12?): " + e.getMessage(), e);
        }
    }

    static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate Ed25519 keys", e);
        }
    }

    private static void generate(Path path, String alias, char[] password) throws IOException, GeneralSecurityException {
        KeyPair keys = newKeyPair();
        ZonedDateTime now = ZonedDateTime.now();
        Certificate certificate = SelfSignedCertificate.create(keys, "govflow 电子证照签发（演示）", now, now.plusYears(10));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        store.setKeyEntry(alias, keys.getPrivate(), password, new Certificate[] {certificate});
        if (path.toAbsolutePath().getParent() != null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
        }
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, password);
        }
        log.warn("generated a demo licence signing key in {} — production needs its own keystore", path.toAbsolutePath());
    }

    byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the licence key", e);
        }
    }

    boolean verify(byte[] data, byte[] signatureValue) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(publicKey);
            signature.update(data);
            return signature.verify(signatureValue);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    String keyId() {
        return keyId;
    }

    String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    private static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
