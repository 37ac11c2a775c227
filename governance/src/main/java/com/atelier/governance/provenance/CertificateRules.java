package com.atelier.governance.provenance;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The C2PA profile of a claim-signing certificate (C2PA 2.x, "Certificate Profile"): X.509 v3, a critical key usage
 * with digitalSignature, a non-empty extended key usage with documentSigning or emailProtection and never
 * anyExtendedKeyUsage, not a CA. Validators reject signers that break these rules, so we check before signing too.
 */
public final class CertificateRules {

    static final String KEY_USAGE = "2.5.29.15";
    static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";
    static final String EMAIL_PROTECTION = "1.3.6.1.5.5.7.3.4";
    static final String DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36";

    private CertificateRules() {
    }

    /** What is wrong with the certificate as a C2PA claim signer at {@code when}; empty when nothing is. */
    public static List<String> problems(X509Certificate certificate, Date when) {
        List<String> problems = new ArrayList<>();
        if (certificate.getVersion() != 3) {
            problems.add("the signing certificate is X.509 v" + certificate.getVersion() + ", C2PA requires v3");
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage == null || !keyUsage[0]) {
            problems.add("the signing certificate's key usage does not include digitalSignature");
        } else if (certificate.getCriticalExtensionOIDs() == null
                || !certificate.getCriticalExtensionOIDs().contains(KEY_USAGE)) {
            problems.add("the signing certificate's key usage extension is not marked critical");
        }
        try {
            List<String> extendedKeyUsage = certificate.getExtendedKeyUsage();
            if (extendedKeyUsage == null || extendedKeyUsage.isEmpty()) {
                problems.add("the signing certificate has no extended key usage; C2PA requires documentSigning ("
                        + DOCUMENT_SIGNING + ") or emailProtection (" + EMAIL_PROTECTION + ")");
            } else {
                if (extendedKeyUsage.contains(ANY_EXTENDED_KEY_USAGE)) {
                    problems.add("the signing certificate allows anyExtendedKeyUsage, which C2PA forbids");
                }
                if (!extendedKeyUsage.contains(DOCUMENT_SIGNING) && !extendedKeyUsage.contains(EMAIL_PROTECTION)) {
                    problems.add("the signing certificate's extended key usage " + extendedKeyUsage
                            + " has neither documentSigning nor emailProtection");
                }
            }
        } catch (CertificateParsingException e) {
            problems.add("the signing certificate's extended key usage cannot be read: " + e.getMessage());
        }
        if (certificate.getBasicConstraints() >= 0) {
            problems.add("the signing certificate is a CA certificate; sign with an end-entity certificate");
        }
        if (!(certificate.getPublicKey() instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            problems.add("the signing key is not an EC P-256 key (Atelier signs with ES256)");
        }
        try {
            certificate.checkValidity(when);
        } catch (CertificateExpiredException e) {
            problems.add("the signing certificate expired on " + certificate.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            problems.add("the signing certificate is not valid before " + certificate.getNotBefore().toInstant());
        }
        return problems;
    }
}
