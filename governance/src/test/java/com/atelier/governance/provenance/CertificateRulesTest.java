package com.atelier.governance.provenance;

import org.junit.jupiter.api.Test;

import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

class CertificateRulesTest {

    private static final TestPki PKI = TestPki.create("Rules Test Root");

    @Test
    void acceptsDocumentSigningLeafWithCriticalDigitalSignature() {
        assertThat(CertificateRules.problems(PKI.signer().signer(), new Date())).isEmpty();
    }

    @Test
    void rejectsMissingExtendedKeyUsage() {
        assertThat(problemsOf(PKI.leaf().withoutExtendedKeyUsage())).anyMatch(p -> p.contains("no extended key usage"));
    }

    @Test
    void rejectsAnyExtendedKeyUsage() {
        assertThat(problemsOf(PKI.leaf().withAnyExtendedKeyUsage())).anyMatch(p -> p.contains("anyExtendedKeyUsage"));
    }

    @Test
    void rejectsNonCriticalKeyUsage() {
        assertThat(problemsOf(PKI.leaf().withNonCriticalKeyUsage())).anyMatch(p -> p.contains("not marked critical"));
    }

    @Test
    void rejectsCaCertificateAsSigner() {
        assertThat(problemsOf(PKI.leaf().asCa())).anyMatch(p -> p.contains("CA certificate"));
    }

    @Test
    void rejectsExpiredCertificate() {
        assertThat(problemsOf(PKI.leaf().expired())).anyMatch(p -> p.contains("expired"));
    }

    private static java.util.List<String> problemsOf(TestPki.Leaf leaf) {
        return CertificateRules.problems(leaf.build().signer(), new Date());
    }
}
