package cn.govflow.licence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The licence keys from the PKCS#12 keystore: the active SM2 key under {@code govflow.licence.keystore.alias}
 * signs new licences; every other entry of the keystore (a key or only its certificate) is retired and verifies the
 * licences it signed; the keys named in {@code govflow.licence.compromised-keys} verify as compromised. Only the
 * demo profile generates keys (docs/licences.md explains rotation for operators).
 */
final class SigningKeys {

    /** The keystore type written: PBES2 with AES-256 for keys, readable by OpenSSL 3 without its legacy provider. */
    static final String KEYSTORE_TYPE = "PKCS12-AES256-AES128";

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** What a signature over a licence is published as. */
    record Signed(String algorithm, String keyId, String value) {}

    private final LicenceKey active;
    /** The active certificate's validity, read once: the certificate parses its ASN.1 dates on every call. */
    private final Instant activeFrom;

    private final Instant activeUntil;
    private final PrivateKey signingKey;
    private final List<LicenceKey> keys;
    private final String signerId;
    /** Each signing thread (the job executor's) keeps its initialised signature object: see {@link Sm2#signer}. */
    private final ThreadLocal<Signature> signers;

    /** {@code others}: the retired and compromised keys. */
    SigningKeys(LicenceKey active, PrivateKey signingKey, Collection<LicenceKey> others, String signerId) {
        if (active.status() != LicenceKey.Status.ACTIVE || !Sm2.ALGORITHM.equals(active.algorithm())) {
            throw new IllegalArgumentException("the signing key must be an active SM2 key");
        }
        this.active = active;
        this.activeFrom = active.notBefore();
        this.activeUntil = active.notAfter();
        this.signingKey = signingKey;
        List<LicenceKey> all = new ArrayList<>();
        all.add(active);
        others.stream().filter(k -> !k.keyId().equals(active.keyId())).forEach(all::add);
        this.keys = Collections.unmodifiableList(all);
        this.signerId = signerId;
        this.signers = ThreadLocal.withInitial(() -> {
            try {
                return Sm2.signer(signingKey, signerId);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign with the licence key " + active.keyId(), e);
            }
        });
    }

    /** A fresh SM2 key with a demo certificate, held in memory only (tests). */
    static SigningKeys generated() {
        KeyPair pair = Sm2.newKeyPair();
        ZonedDateTime now = ZonedDateTime.now();
        X509Certificate certificate =
                DemoCertificate.create(pair, "govflow 电子证照签发（测试）", now.minusYears(5), now.plusYears(5));
        return new SigningKeys(
                LicenceKey.of("generated", certificate, LicenceKey.Status.ACTIVE),
                pair.getPrivate(),
                List.of(),
                Sm2.DEFAULT_SIGNER_ID);
    }

    /** Loads the keys; a missing keystore or key is generated only when allowed, otherwise start-up stops here. */
    static SigningKeys fromKeystore(LicenceProperties properties) {
        LicenceProperties.Keystore settings = properties.keystore();
        String password = settings.password();
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("govflow.licence.keystore.password is not set: give the licence signing "
                    + "keystore's password in GOVFLOW_LICENSE_KEYSTORE_PASSWORD (or run with the demo profile)");
        }
        Path path = Path.of(settings.path());
        if (!Files.exists(path) && !settings.generateIfMissing()) {
            throw new IllegalStateException("Licence signing keystore not found at " + path.toAbsolutePath()
                    + ": create a PKCS#12 keystore with an SM2 key (curve " + Sm2.CURVE + ") under alias '"
                    + settings.alias() + "' as docs/licences.md describes and set GOVFLOW_LICENSE_KEYSTORE, or run "
                    + "with the demo profile, which generates one");
        }
        try {
            KeyStore store = KeyStore.getInstance(KEYSTORE_TYPE, Sm2.PROVIDER);
            if (Files.exists(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    store.load(in, password.toCharArray());
                }
            } else {
                store.load(null, password.toCharArray());
            }
            if (settings.generateIfMissing() && !holdsSm2Key(store, settings.alias(), password)) {
                generate(store, path, settings.alias(), password.toCharArray());
            }
            return load(
                    store,
                    path,
                    settings.alias(),
                    password.toCharArray(),
                    properties.signerId(),
                    properties.compromisedKeys());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot read the licence signing keystore " + path.toAbsolutePath()
                            + " (wrong password or not PKCS#12?): " + e.getMessage(),
                    e);
        }
    }

    private static SigningKeys load(
            KeyStore store, Path path, String alias, char[] password, String signerId, List<String> compromised)
            throws GeneralSecurityException {
        String where = "Licence signing keystore " + path.toAbsolutePath();
        if (!(store.getKey(alias, password) instanceof PrivateKey signingKey)
                || !(store.getCertificate(alias) instanceof X509Certificate certificate)) {
            throw new IllegalStateException(where + " has no private key with a certificate under alias '" + alias
                    + "' (GOVFLOW_LICENSE_KEYSTORE_ALIAS names the key that signs new licences)");
        }
        LicenceKey active = LicenceKey.of(alias, certificate, LicenceKey.Status.ACTIVE);
        if (!Sm2.ALGORITHM.equals(active.algorithm())) {
            throw new IllegalStateException(where + ": the key under alias '" + alias + "' is " + active.algorithm()
                    + "; new licences are signed with SM2 (curve " + Sm2.CURVE + "). Add an SM2 key and point "
                    + "GOVFLOW_LICENSE_KEYSTORE_ALIAS at it; the old key stays in the keystore, retired, and keeps "
                    + "verifying its licences (docs/licences.md, rotation)");
        }
        Instant now = Instant.now();
        if (now.isBefore(active.notBefore()) || now.isAfter(active.notAfter())) {
            throw new IllegalStateException(where + ": the certificate of the signing key '" + alias + "' is valid "
                    + active.notBefore() + " to " + active.notAfter() + ", not now: rotate to a new key "
                    + "(docs/licences.md, rotation)");
        }
        byte[] probe = "govflow".getBytes();
        if (!active.verify(signerId, probe, Sm2.sign(signingKey, signerId, probe))) {
            throw new IllegalStateException(
                    where + ": the key under alias '" + alias + "' does not match its certificate");
        }

        Set<String> unmatched = new LinkedHashSet<>(compromised);
        List<LicenceKey> others = new ArrayList<>();
        for (String other : Collections.list(store.aliases())) {
            if (other.equals(alias) || !(store.getCertificate(other) instanceof X509Certificate otherCertificate)) {
                continue;
            }
            LicenceKey key = LicenceKey.of(other, otherCertificate, LicenceKey.Status.RETIRED);
            if (unmatched.remove(key.keyId()) | unmatched.remove(other)) {
                key = key.withStatus(LicenceKey.Status.COMPROMISED);
            }
            others.add(key);
        }
        if (unmatched.remove(active.keyId()) | unmatched.remove(alias)) {
            throw new IllegalStateException(where + ": the signing key '" + alias + "' (" + active.keyId()
                    + ") is listed in govflow.licence.compromised-keys: rotate to a new key first "
                    + "(docs/licences.md, a compromised key)");
        }
        if (!unmatched.isEmpty()) {
            throw new IllegalStateException("govflow.licence.compromised-keys names " + unmatched + ", which is no "
                    + "key id or alias in " + path.toAbsolutePath() + ": keep a compromised key's certificate in "
                    + "the keystore so that its licences verify as compromised, and check the spelling");
        }
        SigningKeys keys = new SigningKeys(active, signingKey, others, signerId);
        log.info(
                "licence keys: {} signs new licences; {}",
                active.keyId(),
                keys.keys.stream()
                        .skip(1)
                        .map(k -> k.keyId() + " " + k.status().name().toLowerCase(Locale.ROOT))
                        .toList());
        return keys;
    }

    private static boolean holdsSm2Key(KeyStore store, String alias, String password) throws GeneralSecurityException {
        return store.isKeyEntry(alias)
                && store.getCertificate(alias) != null
                && Sm2.isSm2(store.getCertificate(alias).getPublicKey());
    }

    /**
     * Demo profile: puts a new SM2 key under {@code alias}. A key of another algorithm there (the Ed25519 key of
     * earlier versions) keeps only its certificate, under {@code alias-ed25519}, and stays as a retired key.
     */
    private static void generate(KeyStore store, Path path, String alias, char[] password)
            throws IOException, GeneralSecurityException {
        if (store.containsAlias(alias)) {
            Certificate previous = store.getCertificate(alias);
            store.deleteEntry(alias);
            if (previous != null) {
                store.setCertificateEntry(
                        alias + "-" + previous.getPublicKey().getAlgorithm().toLowerCase(Locale.ROOT), previous);
            }
        }
        KeyPair pair = Sm2.newKeyPair();
        ZonedDateTime now = ZonedDateTime.now();
        X509Certificate certificate =
                DemoCertificate.create(pair, "govflow 电子证照签发（演示）", now.minusMinutes(5), now.plusYears(10));
        store.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[] {certificate});
        if (path.toAbsolutePath().getParent() != null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
        }
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, password);
        }
        log.warn(
                "generated a demo SM2 licence signing key under alias '{}' in {} — production needs its own keystore",
                alias,
                path.toAbsolutePath());
    }

    /**
     * Signs with the active key at the real time. A certificate's validity is a fact of the real world that other
     * systems check against their own clocks, so it is not read from the engine's clock (which tests move).
     */
    Signed sign(byte[] data) {
        return sign(data, Instant.now());
    }

    /** Signs with the active key; refuses when its certificate has expired (the job retries after a rotation). */
    Signed sign(byte[] data, Instant now) {
        if (now.isAfter(activeUntil) || now.isBefore(activeFrom)) {
            throw new IllegalStateException("the licence signing key " + active.keyId() + " is valid " + activeFrom
                    + " to " + activeUntil + ": rotate to a new key (docs/licences.md)");
        }
        Signature signer = signers.get();
        try {
            signer.update(data);
            return new Signed(Sm2.ALGORITHM, active.keyId(), Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            signers.remove(); // its state is unknown now: the next signature starts from a new one
            throw new IllegalStateException("cannot sign with the licence key " + active.keyId(), e);
        } catch (RuntimeException e) {
            signers.remove();
            throw e;
        }
    }

    LicenceKey active() {
        return active;
    }

    /** Every key, the active one first. */
    List<LicenceKey> all() {
        return keys;
    }

    Optional<LicenceKey> find(String keyId) {
        return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
    }

    String signerId() {
        return signerId;
    }
}
