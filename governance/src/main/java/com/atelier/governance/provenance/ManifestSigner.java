package com.atelier.governance.provenance;

import com.upokecenter.cbor.CBORObject;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Builds, signs and embeds a C2PA 2.x manifest for a PNG or JPEG: assertions, a claim referencing them by hash, a
 * COSE_Sign1 signature over the claim, all in a JUMBF manifest store inside the file. Plain Java, no container.
 */
public final class ManifestSigner {

    /** The widest CBOR unsigned integer a file length can need (a 4-byte argument), used while the length is unknown. */
    private static final long LENGTH_PLACEHOLDER = 0xFFFF_FFFFL;

    private final SigningCredentials credentials;
    private final ProvenanceVerifier verifier;
    private final PngCarrier png = new PngCarrier();
    private final JpegCarrier jpeg = new JpegCarrier();

    /**
     * @param verifier checks a parent image before its manifest is recorded as an ingredient
     * @throws IllegalArgumentException when the signing certificate breaks the C2PA certificate rules
     */
    public ManifestSigner(SigningCredentials credentials, ProvenanceVerifier verifier, Clock clock) {
        List<String> problems = CertificateRules.problems(credentials.signer(), Date.from(clock.instant()));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the signing certificate cannot sign C2PA claims: "
                    + String.join("; ", problems));
        }
        this.credentials = credentials;
        this.verifier = verifier;
    }

    /** The PNG with a signed manifest store in a {@code caBX} chunk (any earlier store is replaced). */
    public byte[] signPng(byte[] image, ProvenanceManifest manifest) {
        requireFormat(manifest, ProvenanceManifest.PNG);
        return sign(png, image, manifest);
    }

    /** The JPEG with a signed manifest store in APP11 segments (any earlier store is replaced). */
    public byte[] signJpeg(byte[] image, ProvenanceManifest manifest) {
        requireFormat(manifest, ProvenanceManifest.JPEG);
        return sign(jpeg, image, manifest);
    }

    private byte[] sign(ManifestCarrier carrier, byte[] input, ProvenanceManifest manifest) {
        byte[] image = carrier.withoutManifest(input);
        long start = carrier.insertionOffset(image);
        // The hard binding hashes the finished file minus the embedded store, which is exactly the image as it is now.
        byte[] imageHash = sha256(image, 0, image.length);
        String label = "urn:c2pa:" + UUID.randomUUID();
        Ingredients ingredients = ingredients(manifest);
        List<Assertion> assertions = assertions(manifest, ingredients);

        // First pass with the widest length value, to learn how long the store is; second pass with the real length,
        // padded back to the same size so the exclusion still describes the store exactly.
        Assertion placeholder = ClaimAssertions.dataHash(start, LENGTH_PLACEHOLDER, imageHash, 0);
        byte[] draft = store(label, manifest, assertions, placeholder, ingredients);
        long length = carrier.embeddedLength(draft.length);
        Assertion unpadded = ClaimAssertions.dataHash(start, length, imageHash, 0);
        int pad = placeholder.content().length - unpadded.content().length;
        byte[] store = store(label, manifest, assertions, ClaimAssertions.dataHash(start, length, imageHash, pad),
                ingredients);
        if (store.length != draft.length) {
            throw new IllegalStateException("the manifest store changed size between passes (" + draft.length + " -> "
                    + store.length + "); the hard binding would not match");
        }
        return carrier.embed(image, store);
    }

    private List<Assertion> assertions(ProvenanceManifest manifest, Ingredients ingredients) {
        List<Assertion> assertions = new ArrayList<>();
        if (ingredients.assertion == null) {
            assertions.add(ClaimAssertions.createdActions(manifest.generation()));
        } else {
            assertions.add(ingredients.assertion);
            CBORObject reference = ClaimAssertions.hashedUri(JumbfUri.assertion(ingredients.assertion.label()),
                    contentHash(ingredients.assertion.box()));
            assertions.add(ClaimAssertions.derivedActions(manifest, reference));
        }
        assertions.add(ClaimAssertions.trainingMining());
        assertions.add(ClaimAssertions.generation(manifest.generation()));
        return assertions;
    }

    /** The JUMBF manifest store: the parent's manifests (if any), then ours, which is therefore the active one. */
    private byte[] store(String label, ProvenanceManifest manifest, List<Assertion> assertions, Assertion dataHash,
                         Ingredients ingredients) {
        List<Assertion> all = new ArrayList<>(assertions);
        all.add(dataHash);
        byte[][] assertionBoxes = new byte[all.size()][];
        CBORObject created = CBORObject.NewArray();
        for (int i = 0; i < all.size(); i++) {
            assertionBoxes[i] = all.get(i).box();
            created.Add(ClaimAssertions.hashedUri(JumbfUri.assertion(all.get(i).label()), contentHash(assertionBoxes[i])));
        }
        byte[] claim = claim(manifest, created);
        byte[] signature = CoseSign1.sign(claim, credentials).encode();
        byte[] manifestBox = Jumbf.superbox(Jumbf.ContentType.MANIFEST, label,
                Jumbf.superbox(Jumbf.ContentType.ASSERTION_STORE, JumbfUri.ASSERTIONS, assertionBoxes),
                Jumbf.superbox(Jumbf.ContentType.CLAIM, JumbfUri.CLAIM, Jumbf.box("cbor", claim)),
                Jumbf.superbox(Jumbf.ContentType.SIGNATURE, JumbfUri.SIGNATURE, Jumbf.box("cbor", signature)));
        List<byte[]> manifests = new ArrayList<>(ingredients.manifests);
        manifests.add(manifestBox);
        return Jumbf.superbox(Jumbf.ContentType.MANIFEST_STORE, "c2pa", manifests.toArray(byte[][]::new));
    }

    /** The C2PA 2.x claim ({@code claim-map-v2}). */
    private byte[] claim(ProvenanceManifest manifest, CBORObject createdAssertions) {
        CBORObject claim = CBORObject.NewOrderedMap();
        claim.Add("instanceID", "xmp:iid:" + UUID.randomUUID());
        claim.Add("claim_generator_info", CBORObject.NewOrderedMap()
                .Add("name", manifest.generator().name())
                .Add("version", manifest.generator().version()));
        claim.Add("signature", JumbfUri.signature());
        claim.Add("created_assertions", createdAssertions);
        claim.Add("dc:title", manifest.title());
        claim.Add("alg", "sha256");
        return claim.EncodeToBytes();
    }

    /**
     * The parent's manifests to copy into our store and the ingredient assertion pointing at its active one. A parent
     * without a manifest still becomes an ingredient, with unknown provenance.
     */
    private Ingredients ingredients(ProvenanceManifest manifest) {
        if (manifest.parent().isEmpty()) {
            return new Ingredients(null, List.of());
        }
        ProvenanceManifest.ParentIngredient parent = manifest.parent().get();
        byte[] parentFile = parent.signedFile();
        var embedded = png.recognises(parentFile) ? png.find(parentFile) : jpeg.find(parentFile);
        if (embedded.isEmpty()) {
            return new Ingredients(ClaimAssertions.parentIngredient(parent, null, null, null), List.of());
        }
        JumbfBox store = JumbfBox.read(embedded.get().store());
        List<JumbfBox> parentManifests = store.children().stream()
                .filter(b -> b.superbox() && b.contentType() == Jumbf.ContentType.MANIFEST).toList();
        if (parentManifests.isEmpty()) {
            throw new IllegalArgumentException("the parent image's manifest store holds no manifest");
        }
        JumbfBox active = parentManifests.get(parentManifests.size() - 1);
        JumbfBox signature = active.child(Jumbf.ContentType.SIGNATURE)
                .orElseThrow(() -> new IllegalArgumentException("the parent image's manifest is not signed"));
        ProvenanceReport report = verifier.verify(parentFile);
        Assertion assertion = ClaimAssertions.parentIngredient(parent,
                ClaimAssertions.hashedUri(JumbfUri.manifest(active.label()), sha256(active.payload())),
                ClaimAssertions.hashedUri(JumbfUri.signatureOf(active.label()), sha256(signature.payload())),
                ValidationResults.of(report, active.label()));
        return new Ingredients(assertion, parentManifests.stream().map(JumbfBox::bytes).toList());
    }

    private record Ingredients(Assertion assertion, List<byte[]> manifests) {
    }

    private static void requireFormat(ProvenanceManifest manifest, String format) {
        if (!manifest.format().equals(format)) {
            throw new IllegalArgumentException("the manifest describes " + manifest.format() + " but the image is "
                    + format);
        }
    }

    /** SHA-256 over a box's contents without its 8-byte header, as C2PA hashes assertion boxes. */
    static byte[] contentHash(byte[] box) {
        return sha256(box, 8, box.length - 8);
    }

    static byte[] sha256(byte[] bytes) {
        return sha256(bytes, 0, bytes.length);
    }

    static byte[] sha256(byte[] bytes, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, offset, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
