package com.atelier.governance.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Date;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The root and intermediate certificates whose signers we accept. Keeping retired roots here after a key rotation
 * keeps every image signed before the rotation verifiable.
 */
public final class TrustList {

    private final Set<X509Certificate> anchors;

    private TrustList(Set<X509Certificate> anchors) {
        this.anchors = Set.copyOf(anchors);
    }

    public static TrustList of(X509Certificate... anchors) {
        return new TrustList(Set.of(anchors));
    }

    public static TrustList empty() {
        return new TrustList(Set.of());
    }

    /** Every certificate in the {@code .pem}, {@code .crt} and {@code .cer} files of a directory (PEM or DER). */
    public static TrustList fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("the trust directory " + directory + " does not exist");
        }
        Set<X509Certificate> anchors = new HashSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(TrustList::isCertificateFile).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        anchors.add((X509Certificate) certificate);
                    }
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the trust directory " + directory + ": " + e.getMessage(), e);
        }
        return new TrustList(anchors);
    }

    /** Every certificate entry of a PKCS#12 truststore. */
    public static TrustList fromPkcs12(Path truststore, char[] password) {
        try (InputStream in = Files.newInputStream(truststore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            Set<X509Certificate> anchors = new HashSet<>();
            for (Enumeration<String> aliases = store.aliases(); aliases.hasMoreElements(); ) {
                String alias = aliases.nextElement();
                if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                    anchors.add(certificate);
                }
            }
            return new TrustList(anchors);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the truststore " + truststore + ": " + e.getMessage(), e);
        }
    }

    public Set<X509Certificate> anchors() {
        return anchors;
    }

    public TrustList with(Collection<X509Certificate> more) {
        Set<X509Certificate> all = new HashSet<>(anchors);
        all.addAll(more);
        return new TrustList(all);
    }

    /**
     * Whether the chain (end-entity first) leads to one of our anchors at {@code when}. Revocation is not checked:
     * the dev CA publishes no CRL or OCSP, and validators fetch OCSP themselves where a production CA offers it.
     */
    public boolean trusts(List<X509Certificate> chain, Date when) {
        if (anchors.isEmpty() || chain.isEmpty()) {
            return false;
        }
        try {
            List<X509Certificate> path = chain.stream().filter(c -> !anchors.contains(c)).collect(Collectors.toList());
            if (path.isEmpty()) {
                return false; // a bare anchor used as signer is not a chain
            }
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            Set<TrustAnchor> trustAnchors = anchors.stream().map(a -> new TrustAnchor(a, null))
                    .collect(Collectors.toSet());
            PKIXParameters parameters = new PKIXParameters(trustAnchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(when);
            CertPathValidator.getInstance("PKIX").validate(certPath, parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean isCertificateFile(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        return name.endsWith(".pem") || name.endsWith(".crt") || name.endsWith(".cer");
    }
}
