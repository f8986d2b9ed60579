package cn.govflow.licence;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed X.509 v3 certificate that carries a generated (demo) licence signing key in the keystore, signed
 * SM3withSM2 by bcpkix. Production keys carry a certificate from the operator's CA instead (docs/licences.md).
 */
final class DemoCertificate {

    private DemoCertificate() {}

    static X509Certificate create(KeyPair keys, String commonName, ZonedDateTime notBefore, ZonedDateTime notAfter) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, "govflow")
                .addRDN(BCStyle.CN, commonName)
                .build();
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            subject,
                            new BigInteger(64, new SecureRandom()).setBit(63),
                            Date.from(notBefore.toInstant()),
                            Date.from(notAfter.toInstant()),
                            subject,
                            keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(
                            Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            return new JcaX509CertificateConverter()
                    .setProvider(Sm2.PROVIDER)
                    .getCertificate(builder.build(new JcaContentSignerBuilder(Sm2.JCA_SIGNATURE)
                            .setProvider(Sm2.PROVIDER)
                            .build(keys.getPrivate())));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot build the demo licence signing certificate", e);
        }
    }
}
