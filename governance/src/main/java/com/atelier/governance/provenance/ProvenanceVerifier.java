package com.atelier.governance.provenance;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;

import javax.security.auth.x500.X500Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the Content Credentials of a PNG or JPEG: the claim signature and its certificate, every hashed reference
 * from the claim, the hard binding to the image bytes, and the manifests of parent ingredients.
 */
public final class ProvenanceVerifier {

    private final TrustList trustList;
    private final Clock clock;
    private final List<ManifestCarrier> carriers = List.of(new PngCarrier(), new JpegCarrier());

    public ProvenanceVerifier(TrustList trustList, Clock clock) {
        this.trustList = trustList;
        this.clock = clock;
    }

    public ProvenanceReport verify(byte[] file) {
        Optional<ManifestCarrier> carrier = carriers.stream().filter(c -> c.recognises(file)).findFirst();
        if (carrier.isEmpty()) {
            return ProvenanceReport.noManifest("the file is neither a PNG nor a JPEG");
        }
        try {
            Optional<ManifestCarrier.EmbeddedStore> embedded = carrier.get().find(file);
            if (embedded.isEmpty()) {
                return ProvenanceReport.noManifest("the " + carrier.get().mediaType() + " carries no C2PA manifest store");
            }
            return verify(file, embedded.get());
        } catch (MalformedManifestException e) {
            return ProvenanceReport.malformed(e.getMessage());
        }
    }

    private ProvenanceReport verify(byte[] file, ManifestCarrier.EmbeddedStore embedded) {
        JumbfBox store = JumbfBox.read(embedded.store());
        if (!store.superbox() || store.contentType() != Jumbf.ContentType.MANIFEST_STORE) {
            return ProvenanceReport.malformed("the embedded JUMBF is not a C2PA manifest store");
        }
        List<JumbfBox> manifests = store.children().stream()
                .filter(b -> b.superbox() && b.contentType() == Jumbf.ContentType.MANIFEST).toList();
        if (manifests.isEmpty()) {
            return ProvenanceReport.malformed("the manifest store holds no manifest");
        }
        JumbfBox active = manifests.get(manifests.size() - 1);
        Findings findings = new Findings();
        ManifestCheck check = checkManifest(store, active, findings, "");
        boolean hardBinding = check.claim != null && checkHardBinding(file, embedded, store, active, check.claim, findings);
        if (check.claim != null) {
            checkIngredients(store, active, findings, 0);
        }
        ProvenanceReport.Verdict verdict;
        if (findings.invalid) {
            verdict = ProvenanceReport.Verdict.INVALID;
        } else if (!check.signatureValid || !hardBinding || !findings.hashesIntact) {
            verdict = ProvenanceReport.Verdict.TAMPERED;
        } else if (!check.trusted) {
            verdict = ProvenanceReport.Verdict.UNTRUSTED;
        } else {
            verdict = ProvenanceReport.Verdict.VALID;
        }
        return new ProvenanceReport(verdict, true, check.signatureValid, check.trusted, hardBinding,
                findings.hashesIntact, Optional.of(active.label()), check.signer, check.signingTime,
                generation(active), findings.problems);
    }

    /** Signature, certificate and assertion references of one manifest. */
    private ManifestCheck checkManifest(JumbfBox store, JumbfBox manifest, Findings findings, String context) {
        ManifestCheck check = new ManifestCheck();
        Optional<JumbfBox> claimBox = manifest.child(Jumbf.ContentType.CLAIM);
        Optional<JumbfBox> signatureBox = manifest.child(Jumbf.ContentType.SIGNATURE);
        if (claimBox.isEmpty() || signatureBox.isEmpty()) {
            findings.invalid(context + "the manifest " + manifest.label() + " lacks its claim or its signature");
            return check;
        }
        byte[] claimBytes = claimBox.get().content();
        CBORObject claim;
        try {
            claim = CBORObject.DecodeFromBytes(claimBytes);
        } catch (RuntimeException e) {
            findings.invalid(context + "the claim is not valid CBOR: " + e.getMessage());
            return check;
        }
        check.claim = claim;
        CoseSign1 cose = CoseSign1.decode(signatureBox.get().content());
        if (cose.algorithm() != CoseSign1.ES256) {
            findings.invalid(context + "the claim is signed with COSE algorithm " + cose.algorithm()
                    + "; this verifier checks ES256 (-7)");
            return check;
        }
        List<X509Certificate> chain = cose.chain();
        X509Certificate signer = chain.get(0);
        check.signer = Optional.of(signer.getSubjectX500Principal().getName(X500Principal.RFC2253));
        check.signingTime = cose.timeStampToken().flatMap(ProvenanceVerifier::timeStampTime);
        Date when = check.signingTime.map(Date::from).orElseGet(() -> Date.from(clock.instant()));
        check.signatureValid = cose.verifies(claimBytes);
        if (!check.signatureValid) {
            findings.problems.add(context + "the claim signature does not verify: the claim changed after signing");
        }
        for (String problem : CertificateRules.problems(signer, when)) {
            findings.invalid(context + problem);
        }
        check.trusted = trustList.trusts(chain, when);
        if (!check.trusted) {
            findings.problems.add(context + "the signer " + check.signer.get()
                    + " does not chain to a certificate in the trust list");
        }
        for (CBORObject reference : references(claim)) {
            checkReference(store, manifest, reference, findings, context);
        }
        return check;
    }

    private void checkReference(JumbfBox store, JumbfBox manifest, CBORObject reference, Findings findings,
                                String context) {
        CBORObject url = reference.get("url");
        CBORObject hash = reference.get("hash");
        if (url == null || hash == null || hash.getType() != CBORType.ByteString) {
            findings.invalid(context + "the claim holds a hashed URI without url or hash");
            return;
        }
        Optional<JumbfBox> target = JumbfUri.resolve(url.AsString(), store, manifest);
        if (target.isEmpty()) {
            findings.tampered(context + "the assertion " + url.AsString() + " referenced by the claim is missing");
        } else if (!MessageDigest.isEqual(sha256(target.get().payload()), hash.GetByteString())) {
            findings.tampered(context + "the assertion " + url.AsString() + " changed after signing (hash mismatch)");
        }
    }

    /** The image hash with the claimed exclusions, which must cover exactly the embedded store. */
    private boolean checkHardBinding(byte[] file, ManifestCarrier.EmbeddedStore embedded, JumbfBox store,
                                     JumbfBox manifest, CBORObject claim, Findings findings) {
        Optional<JumbfBox> box = manifest.child(Jumbf.ContentType.ASSERTION_STORE)
                .flatMap(assertions -> assertions.child(ClaimAssertions.DATA_HASH));
        boolean referenced = references(claim).stream().map(r -> r.get("url"))
                .anyMatch(u -> u != null && u.AsString().endsWith("/" + ClaimAssertions.DATA_HASH));
        if (box.isEmpty() || !referenced) {
            findings.invalid("the active manifest has no c2pa.hash.data hard binding");
            return false;
        }
        CBORObject dataHash;
        try {
            dataHash = CBORObject.DecodeFromBytes(box.get().content());
        } catch (RuntimeException e) {
            findings.invalid("the c2pa.hash.data assertion is not valid CBOR");
            return false;
        }
        String alg = dataHash.get("alg") != null ? dataHash.get("alg").AsString()
                : claim.get("alg") != null ? claim.get("alg").AsString() : "sha256";
        if (!"sha256".equals(alg)) {
            findings.invalid("the hard binding uses " + alg + "; this verifier checks sha256");
            return false;
        }
        List<long[]> exclusions = new ArrayList<>();
        CBORObject listed = dataHash.get("exclusions");
        if (listed != null) {
            for (CBORObject exclusion : listed.getValues()) {
                exclusions.add(new long[]{exclusion.get("start").AsInt64Value(), exclusion.get("length").AsInt64Value()});
            }
        }
        exclusions.sort((a, b) -> Long.compare(a[0], b[0]));
        boolean coversStore = exclusions.size() == 1 && exclusions.get(0)[0] == embedded.start()
                && exclusions.get(0)[1] == embedded.length();
        if (!coversStore) {
            findings.tampered("the hard binding does not exclude exactly the embedded manifest store");
            return false;
        }
        byte[] actual = hashWithout(file, exclusions);
        if (!MessageDigest.isEqual(actual, dataHash.get("hash").GetByteString())) {
            findings.tampered("the image bytes changed after signing (c2pa.hash.data mismatch)");
            return false;
        }
        return true;
    }

    /** Ingredient manifests: their hashes as recorded, their signatures, recursively. */
    private void checkIngredients(JumbfBox store, JumbfBox manifest, Findings findings, int depth) {
        if (depth > 16) {
            findings.invalid("ingredients nest more than 16 levels deep");
            return;
        }
        Optional<JumbfBox> assertions = manifest.child(Jumbf.ContentType.ASSERTION_STORE);
        if (assertions.isEmpty()) {
            return;
        }
        for (JumbfBox assertion : assertions.get().children()) {
            if (!assertion.superbox() || !assertion.label().startsWith("c2pa.ingredient")) {
                continue;
            }
            CBORObject ingredient = CBORObject.DecodeFromBytes(assertion.content());
            CBORObject activeManifest = ingredient.get("activeManifest") != null ? ingredient.get("activeManifest")
                    : ingredient.get("c2pa_manifest");
            if (activeManifest == null) {
                continue; // an ingredient of unknown provenance
            }
            String context = "ingredient '" + textOr(ingredient.get("dc:title"), "?") + "': ";
            checkReference(store, manifest, activeManifest, findings, context);
            if (ingredient.get("claimSignature") != null) {
                checkReference(store, manifest, ingredient.get("claimSignature"), findings, context);
            }
            Optional<JumbfBox> parent = JumbfUri.resolve(activeManifest.get("url").AsString(), store, manifest);
            if (parent.isPresent()) {
                ManifestCheck check = checkManifest(store, parent.get(), findings, context);
                if (!check.signatureValid) {
                    findings.hashesIntact = false;
                }
                checkIngredients(store, parent.get(), findings, depth + 1);
            }
        }
    }

    private static List<CBORObject> references(CBORObject claim) {
        List<CBORObject> references = new ArrayList<>();
        for (String field : List.of("created_assertions", "gathered_assertions", "assertions")) {
            CBORObject list = claim.get(field);
            if (list != null && list.getType() == CBORType.Array) {
                references.addAll(list.getValues());
            }
        }
        return references;
    }

    private static Map<String, Object> generation(JumbfBox manifest) {
        return manifest.child(Jumbf.ContentType.ASSERTION_STORE)
                .flatMap(assertions -> assertions.child(ClaimAssertions.GENERATION))
                .map(box -> {
                    try {
                        CBORObject json = CBORObject.FromJSONString(new String(box.content(), StandardCharsets.UTF_8));
                        @SuppressWarnings("unchecked")
                        Map<String, Object> map = (Map<String, Object>) toJava(json);
                        return map;
                    } catch (RuntimeException e) {
                        return Map.<String, Object>of();
                    }
                })
                .orElse(Map.of());
    }

    /** CBOR (from JSON) to plain Java maps, lists, strings, numbers and booleans. */
    private static Object toJava(CBORObject value) {
        return switch (value.getType()) {
            case Map -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<CBORObject, CBORObject> entry : value.getEntries()) {
                    map.put(entry.getKey().AsString(), toJava(entry.getValue()));
                }
                yield map;
            }
            case Array -> value.getValues().stream().map(ProvenanceVerifier::toJava).toList();
            case TextString -> value.AsString();
            case Boolean -> value.AsBoolean();
            case Integer -> value.AsInt64Value();
            case FloatingPoint -> value.AsDoubleValue();
            case ByteString -> value.GetByteString();
            default -> value.isNull() ? "" : value.toString();
        };
    }

    private static Optional<Instant> timeStampTime(byte[] token) {
        try {
            return Optional.of(new TimeStampToken(new CMSSignedData(token)).getTimeStampInfo().getGenTime().toInstant());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** SHA-256 over the file with the (sorted, non-overlapping) exclusion ranges left out. */
    static byte[] hashWithout(byte[] file, List<long[]> exclusions) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long position = 0;
            for (long[] exclusion : exclusions) {
                long start = Math.max(position, Math.min(exclusion[0], file.length));
                digest.update(file, (int) position, (int) (start - position));
                position = Math.min(file.length, Math.max(position, exclusion[0] + exclusion[1]));
            }
            digest.update(file, (int) position, (int) (file.length - position));
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return ManifestSigner.sha256(bytes);
    }

    private static String textOr(CBORObject value, String fallback) {
        return value != null && value.getType() == CBORType.TextString ? value.AsString() : fallback;
    }

    private static final class ManifestCheck {
        CBORObject claim;
        boolean signatureValid;
        boolean trusted;
        Optional<String> signer = Optional.empty();
        Optional<Instant> signingTime = Optional.empty();
    }

    private static final class Findings {
        final List<String> problems = new ArrayList<>();
        boolean invalid;
        boolean hashesIntact = true;

        void invalid(String problem) {
            invalid = true;
            problems.add(problem);
        }

        void tampered(String problem) {
            hashesIntact = false;
            problems.add(problem);
        }
    }
}
