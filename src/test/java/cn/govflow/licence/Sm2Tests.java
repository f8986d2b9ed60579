package cn.govflow.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The verifier against the published examples of the standards, not against its own output. */
class Sm2Tests {

    private static BigInteger hex(String value) {
        return new BigInteger(value.replace(" ", ""), 16);
    }

    @Test
    @DisplayName(
            "R8: GM/T 0003.5 annex A's signature example (ALICE123@YAHOO.COM, \"message digest\") verifies; changed, it does not")
    void standardSignatureExampleVerifies() throws Exception {
        // the standard's 256-bit example curve over Fp, its private key dA and its signature (r, s)
        ECCurve curve = new ECCurve.Fp(
                hex("8542D69E 4C044F18 E8B92435 BF6FF7DE 45728391 5C45517D 722EDB8B 08F1DFC3"),
                hex("787968B4 FA32C3FD 2417842E 73BBFEFF 2F3C848B 6831D7E0 EC65228B 3937E498"),
                hex("63E4C6D3 B23B0C84 9CF84241 484BFE48 F61D59A5 B16BA06E 6E12D1DA 27C5249A"),
                hex("8542D69E 4C044F18 E8B92435 BF6FF7DD 29772063 0485628D 5AE74EE7 C32E79B7"),
                BigInteger.ONE);
        ECPoint g = curve.createPoint(
                hex("421DEBD6 1B62EAB6 746434EB C3CC315E 32220B3B ADD50BDC 4C4E6C14 7FEDD43D"),
                hex("0680512B CBB42C07 D47349D2 153B70C4 E5D7FDFC BFA36EA1 A85841B9 E46E09A2"));
        ECPoint publicPoint = g.multiply(hex("128B2FA8 BD433C6C 068C8D80 3DFF7979 2A519A55 171B1B65 0C23661D 15897263"))
                .normalize();
        PublicKey publicKey = KeyFactory.getInstance("EC", Sm2.PROVIDER)
                .generatePublic(new ECPublicKeySpec(publicPoint, new ECParameterSpec(curve, g, curve.getOrder())));
        byte[] signature = new DERSequence(new ASN1Integer[] {
                    new ASN1Integer(hex("40F1EC59 F793D9F4 9E09DCEF 49130D41 94F79FB1 EED2CAA5 5BACDB49 C4E755D1")),
                    new ASN1Integer(hex("6FC6DAC3 2C5D5CF1 0C77DFB2 0F7C2EB6 67A45787 2FB09EC5 6327A67E C7DEEBE7"))
                })
                .getEncoded();
        byte[] message = "message digest".getBytes(StandardCharsets.US_ASCII);

        assertThat(publicPoint.getAffineXCoord().toBigInteger())
                .isEqualTo(hex("0AE4C779 8AA0F119 471BEE11 825BE462 02BB79E2 A5844495 E97C04FF 4DF2548A"));
        assertThat(publicPoint.getAffineYCoord().toBigInteger())
                .isEqualTo(hex("7C0240F8 8F1CD4E1 6352A73C 17B7F16F 07353E53 A176D684 A9FE0C6B B798E857"));
        assertThat(Sm2.verify(publicKey, "ALICE123@YAHOO.COM", message, signature))
                .isTrue();
        assertThat(Sm2.verify(publicKey, "ALICE123@YAHOO.COM", "message digesT".getBytes(), signature))
                .isFalse();
        assertThat(Sm2.verify(publicKey, Sm2.DEFAULT_SIGNER_ID, message, signature))
                .as("another signer id")
                .isFalse();
    }

    @Test
    @DisplayName("R8: licence keys lie on GB/T 32918.5's recommended curve sm2p256v1 (OID 1.2.156.10197.1.301)")
    void keysUseTheRecommendedCurve() {
        ECPublicKey key = (ECPublicKey) Sm2.newKeyPair().getPublic();
        ECParameterSpec curve = key.getParameters();

        assertThat(Sm2.CURVE_OID).isEqualTo("1.2.156.10197.1.301");
        assertThat(Sm2.isSm2(key)).isTrue();
        assertThat(curve.getCurve().getField().getCharacteristic())
                .isEqualTo(hex("FFFFFFFE FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF 00000000 FFFFFFFF FFFFFFFF"));
        assertThat(curve.getCurve().getB().toBigInteger())
                .isEqualTo(hex("28E9FA9E 9D9F5E34 4D5A9E4B CF6509A7 F39789F5 15AB8F92 DDBCBD41 4D940E93"));
        assertThat(curve.getN())
                .isEqualTo(hex("FFFFFFFE FFFFFFFF FFFFFFFF FFFFFFFF 7203DF6B 21C6052B 53BBF409 39D54123"));
        assertThat(curve.getG().getAffineXCoord().toBigInteger())
                .isEqualTo(hex("32C4AE2C 1F198119 5F990446 6A39C994 8FE30BBF F2660BE1 715A4589 334C74C7"));
    }

    @Test
    @DisplayName("R8: SM3 gives GB/T 32905's example digest of \"abc\"")
    void sm3Example() throws Exception {
        byte[] digest =
                MessageDigest.getInstance("SM3", Sm2.PROVIDER).digest("abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(HexFormat.of().formatHex(digest))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }
}
