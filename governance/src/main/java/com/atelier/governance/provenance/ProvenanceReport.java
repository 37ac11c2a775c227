package com.atelier.governance.provenance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link ProvenanceVerifier} found in a file's Content Credentials.
 *
 * @param verdict           the one-word answer; the booleans and problems say why
 * @param manifestPresent   the file carries a C2PA manifest store
 * @param signatureValid    the active claim's COSE signature verifies with the certificate it carries
 * @param chainTrusted      that certificate leads to a root or intermediate in our trust list
 * @param hardBindingIntact the image bytes hash to the value the claim binds (nothing outside the store changed)
 * @param assertionsIntact  every assertion, and every ingredient manifest, hashes to the value the claim references
 * @param activeManifest    the label of the active manifest ({@code urn:c2pa:...})
 * @param signer            the signing certificate's subject (RFC 2253)
 * @param signingTime       the time from a trusted time-stamp, when the signer obtained one
 * @param generation        the {@code com.atelier.generation} assertion (empty when absent)
 * @param problems          human-readable findings, empty for a valid file
 */
public record ProvenanceReport(Verdict verdict, boolean manifestPresent, boolean signatureValid, boolean chainTrusted,
                               boolean hardBindingIntact, boolean assertionsIntact, Optional<String> activeManifest,
                               Optional<String> signer, Optional<Instant> signingTime, Map<String, Object> generation,
                               List<String> problems) {

    public ProvenanceReport {
        generation = Map.copyOf(generation);
        problems = List.copyOf(problems);
    }

    public enum Verdict {
        /** Signed by a trusted signer and unchanged since. */
        VALID,
        /** The image or the manifest changed after signing. */
        TAMPERED,
        /** Intact, but the signer does not lead to our trust list. */
        UNTRUSTED,
        /** The file carries no Content Credentials. */
        NO_MANIFEST,
        /** The manifest is malformed or its signer breaks the C2PA certificate rules. */
        INVALID
    }

    static ProvenanceReport noManifest(String problem) {
        return new ProvenanceReport(Verdict.NO_MANIFEST, false, false, false, false, false, Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), List.of(problem));
    }

    static ProvenanceReport malformed(String problem) {
        return new ProvenanceReport(Verdict.INVALID, true, false, false, false, false, Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), List.of(problem));
    }

    public boolean valid() {
        return verdict == Verdict.VALID;
    }
}
