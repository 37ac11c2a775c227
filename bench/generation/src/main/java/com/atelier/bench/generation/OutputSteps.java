package com.atelier.bench.generation;

import com.atelier.governance.policy.BrandOutputCheck;
import com.atelier.governance.policy.BrandPolicy;
import com.atelier.governance.policy.VersionedBrandPolicy;
import com.atelier.governance.provenance.ContentCredentials;
import com.atelier.governance.render.GenerationManifests;
import com.atelier.governance.provenance.ProvenanceManifest;
import com.atelier.governance.provenance.ProvenanceReport;
import com.atelier.governance.provenance.ProvenanceSettings;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The two in-process steps the portal's worker adds to a rendered image, run here with governance's own code so
 * their cost can stand beside the portal's: the brand output check ({@link BrandOutputCheck#check} with a palette,
 * as the worker's {@code check.brand} step) and C2PA signing ({@link ContentCredentials#signPng} with the manifest
 * the worker prepares for a generated image, as its {@code sign} step). The key is the development key
 * {@code ./atelier up} signs with.
 */
final class OutputSteps {

    /** A brand palette of five colours (the brand-safety benchmark's size); off-brand or not, the work is the same. */
    static final List<String> PALETTE = List.of("#1f3a5f", "#f2c14e", "#e4572e", "#f7f7f2", "#2e2e2e");

    private final ContentCredentials credentials;
    private final Path keystore;
    private final VersionedBrandPolicy policy;
    private final String workspace;
    private final String requester;

    /** One brand check: how long it took (nanoseconds) and whether the image would have been blocked. */
    record BrandCheck(long nanos, boolean blocked) {
    }

    private OutputSteps(ContentCredentials credentials, Path keystore, VersionedBrandPolicy policy, String workspace,
                        String requester) {
        this.credentials = credentials;
        this.keystore = keystore;
        this.policy = policy;
        this.workspace = workspace;
        this.requester = requester;
    }

    /**
     * The signer from ATELIER_SIGNING_KEYS (default ~/.local/share/atelier/provenance, as deploy/bin/services.sh)
     * with DIR/signing.p12, the password ATELIER_KEYSTORE_PASSWORD (default atelier-dev, as
     * deploy/provenance/dev-signing-key.sh and the portal's default) and alias atelier-signing; the trust list is
     * DIR/trust, the default beside the keystore. The palette policy is built in memory, nothing is read from the
     * portal.
     */
    static OutputSteps forWorkspace(String workspace, String requester) {
        Path keys = Path.of(env("ATELIER_SIGNING_KEYS",
                Path.of(System.getProperty("user.home"), ".local/share/atelier/provenance").toString()));
        Path keystore = keys.resolve("signing.p12");
        ProvenanceSettings settings = new ProvenanceSettings(Optional.of(keystore),
                env("ATELIER_KEYSTORE_PASSWORD", "atelier-dev"), "atelier-signing", Optional.empty());
        BrandPolicy palette = new BrandPolicy(List.of(), List.of(), List.of(), List.of(), "", "", Optional.empty(),
                PALETTE, BrandPolicy.DEFAULT_PALETTE_THRESHOLD, false);
        VersionedBrandPolicy versioned = new VersionedBrandPolicy(workspace, 1, palette, Optional.of(Instant.now()),
                Optional.of("bench"));
        return new OutputSteps(new ContentCredentials(settings, Clock.systemUTC()), keystore, versioned, workspace,
                requester);
    }

    /** Times the brand output check (format, blank image, palette) of one PNG. */
    BrandCheck timePaletteCheck(byte[] png, int width, int height) {
        long t0 = System.nanoTime();
        BrandOutputCheck.Outcome outcome = BrandOutputCheck.check(policy, png, width, height);
        return new BrandCheck(System.nanoTime() - t0, !outcome.passed());
    }

    /**
     * Times signing one PNG, in nanoseconds. The manifest is built first, untimed: the worker prepares it during
     * the checks and its {@code sign} timer covers {@code signPng} alone.
     */
    long timeSigning(byte[] png, String model, String modelVersion) {
        ProvenanceManifest manifest = manifest(model, modelVersion);
        long t0 = System.nanoTime();
        credentials.signPng(png, manifest);
        return System.nanoTime() - t0;
    }

    /** Signs once and verifies the result against the trust list: the bench signs what a verifier accepts. */
    ProvenanceReport signAndVerify(byte[] png, String model, String modelVersion) {
        return credentials.verify(credentials.signPng(png, manifest(model, modelVersion)));
    }

    /** The manifest the portal's render chain signs, for a one-model job without LoRAs. */
    private ProvenanceManifest manifest(String model, String modelVersion) {
        return GenerationManifests.generated(model, modelVersion, List.of(), GenerationBenchmark.PROMPT,
                policy.policy().allowPromptInManifest(), workspace, UUID.randomUUID().toString(), requester);
    }

    String describe() {
        return "C2PA key " + credentials.activeKey().subject() + " from " + keystore + "; palette of "
                + PALETTE.size() + " colours, threshold " + policy.policy().paletteThreshold();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
