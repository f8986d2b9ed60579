package cn.govflow.licence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SM2 signatures with the SM3 hash (GB/T 32918.2, GB/T 32905) on the SM2 P-256 curve, as GM/T 0009 encodes them:
 * the signer id is hashed into Z, the value is the DER SEQUENCE of r and s. BouncyCastle does the arithmetic; it is
 * used as a provider object, not registered in the JVM, so nothing else in the application changes providers.
 */
final class Sm2 {

    /** The algorithm's name in licence documents and in {@code GET /api/licenses/keys}. */
    static final String ALGORITHM = "SM2-SM3";

    static final String JCA_SIGNATURE = "SM3withSM2";
    static final String CURVE = "sm2p256v1";
    static final String CURVE_OID = GMObjectIdentifiers.sm2p256v1.getId();
    /** GM/T 0009's default signer id (the ASCII digits 1 to 8, twice). */
    static final String DEFAULT_SIGNER_ID = "1234567812345678";

    static final Provider PROVIDER = new BouncyCastleProvider();

    private Sm2() {}

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
            generator.initialize(new ECGenParameterSpec(CURVE), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle cannot generate an SM2 key", e);
        }
    }

    /** True for an EC public key on the SM2 P-256 curve. */
    static boolean isSm2(PublicKey key) {
        return key instanceof ECPublicKey ec
                && ec.getParameters() != null
                && ec.getParameters()
                        .getCurve()
                        .equals(GMNamedCurves.getByName(CURVE).getCurve());
    }

    static byte[] sign(PrivateKey key, String signerId, byte[] data) throws GeneralSecurityException {
        Signature signature = signer(key, signerId);
        signature.update(data);
        return signature.sign();
    }

    /**
     * A signature object ready to sign with {@code key}. Initialising it derives the public key and Z from the
     * private key (a scalar multiplication, about as costly as the signature itself); after each {@code sign()} it
     * is ready for the next, so a thread may keep one ({@link SigningKeys}). Not safe for two threads at once.
     */
    static Signature signer(PrivateKey key, String signerId) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(JCA_SIGNATURE, PROVIDER);
        signature.setParameter(new SM2ParameterSpec(signerId.getBytes(StandardCharsets.UTF_8)));
        signature.initSign(key, new SecureRandom());
        return signature;
    }

    /** False for a wrong or malformed signature value; never throws for what a caller sends. */
    static boolean verify(PublicKey key, String signerId, byte[] data, byte[] value) {
        try {
            Signature signature = Signature.getInstance(JCA_SIGNATURE, PROVIDER);
            signature.setParameter(new SM2ParameterSpec(signerId.getBytes(StandardCharsets.UTF_8)));
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(value);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
