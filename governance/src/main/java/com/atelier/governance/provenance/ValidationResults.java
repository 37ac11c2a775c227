package com.atelier.governance.provenance;

import com.upokecenter.cbor.CBORObject;

/**
 * The {@code validationResults} of an ingredient: C2PA status codes for what our verifier found in the parent's
 * active manifest when the derived image was signed.
 */
final class ValidationResults {

    private ValidationResults() {
    }

    static CBORObject of(ProvenanceReport report, String manifestLabel) {
        CBORObject success = CBORObject.NewArray();
        CBORObject failure = CBORObject.NewArray();
        String manifest = JumbfUri.manifest(manifestLabel);
        add(report.signatureValid(), "claimSignature.validated", "claimSignature.mismatch",
                JumbfUri.signatureOf(manifestLabel), success, failure);
        add(report.chainTrusted(), "signingCredential.trusted", "signingCredential.untrusted",
                JumbfUri.signatureOf(manifestLabel), success, failure);
        add(report.assertionsIntact(), "assertion.hashedURI.match", "assertion.hashedURI.mismatch", manifest,
                success, failure);
        add(report.hardBindingIntact(), "assertion.dataHash.match", "assertion.dataHash.mismatch",
                manifest + "/" + JumbfUri.ASSERTIONS + "/" + ClaimAssertions.DATA_HASH, success, failure);
        CBORObject codes = CBORObject.NewOrderedMap()
                .Add("success", success)
                .Add("informational", CBORObject.NewArray())
                .Add("failure", failure);
        return CBORObject.NewOrderedMap().Add("activeManifest", codes);
    }

    private static void add(boolean ok, String successCode, String failureCode, String url, CBORObject success,
                            CBORObject failure) {
        CBORObject status = CBORObject.NewOrderedMap().Add("code", ok ? successCode : failureCode).Add("url", url);
        (ok ? success : failure).Add(status);
    }
}
