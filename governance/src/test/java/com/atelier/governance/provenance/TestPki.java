package com.atelier.governance.provenance;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** An in-memory test CA and the certificates it issues, built with BouncyCastle. */
public final class TestPki {

    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime());

    final KeyPair rootKey;
    final X509Certificate root;

    private TestPki(String name) {
        rootKey = ecKey();
        X500Name rootName = new X500Name("O=Atelier Test,CN=" + name);
        root = certificate(rootName, rootKey, rootName, rootKey, true, true, List.of(), true, null, Duration.ofDays(3650));
    }

    public static TestPki create(String name) {
        return new TestPki(name);
    }

    TrustList trustList() {
        return TrustList.of(root);
    }

    /** A signer that follows every C2PA certificate rule. */
    public SigningCredentials signer() {
        return leaf().build();
    }

    Leaf leaf() {
        return new Leaf();
    }

    public void writeRootPem(Path file) {
        try {
            Files.writeString(file, pem(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PKCS#12 keystore holding the signer's key under {@code alias}, with the leaf and our root as its chain. */
    public Path writeKeystore(Path file, SigningCredentials signer, String alias, String password) {
        try {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, signer.privateKey(), password.toCharArray(),
                    new java.security.cert.Certificate[]{signer.signer(), root});
            try (java.io.OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the test keystore", e);
        }
    }

    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds an end-entity certificate; each method breaks or changes one rule. */
    final class Leaf {
        private List<KeyPurposeId> eku = new ArrayList<>(List.of(KeyPurposeId.getInstance(
                new org.bouncycastle.asn1.ASN1ObjectIdentifier(CertificateRules.DOCUMENT_SIGNING)),
                KeyPurposeId.id_kp_emailProtection));
        private boolean keyUsageCritical = true;
        private boolean ca;
        private Duration validity = Duration.ofDays(365);
        private Instant notBefore = Instant.now().minus(Duration.ofHours(1));

        Leaf withoutExtendedKeyUsage() {
            eku = List.of();
            return this;
        }

        Leaf withAnyExtendedKeyUsage() {
            eku = new ArrayList<>(eku);
            eku.add(KeyPurposeId.anyExtendedKeyUsage);
            return this;
        }

        Leaf withNonCriticalKeyUsage() {
            keyUsageCritical = false;
            return this;
        }

        Leaf asCa() {
            ca = true;
            return this;
        }

        Leaf expired() {
            notBefore = Instant.now().minus(Duration.ofDays(30));
            validity = Duration.ofDays(1);
            return this;
        }

        SigningCredentials build() {
            KeyPair key = ecKey();
            X509Certificate certificate = certificate(new X500Name("O=Atelier Test,CN=Atelier Test Signer"), key,
                    X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), rootKey, ca, keyUsageCritical, eku, false,
                    notBefore, validity);
            return new SigningCredentials(key.getPrivate(), List.of(certificate));
        }
    }

    static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate certificate(X500Name subject, KeyPair subjectKey, X500Name issuer, KeyPair issuerKey,
                                        boolean ca, boolean keyUsageCritical, List<KeyPurposeId> eku, boolean root,
                                        Instant notBefore, Duration validity) {
        try {
            Instant start = notBefore != null ? notBefore : Instant.now().minus(Duration.ofHours(1));
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(start), Date.from(start.plus(validity)),
                    subject, subjectKey.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, keyUsageCritical, new KeyUsage(ca
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature
                    : KeyUsage.digitalSignature));
            if (!eku.isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(eku.toArray(KeyPurposeId[]::new)));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(subjectKey.getPublic()));
            if (!root) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        utils.createAuthorityKeyIdentifier(issuerKey.getPublic()));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a test certificate", e);
        }
    }
}
