package com.atelier.governance.provenance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Where the signing key and the trust list live, as configured. Turns configuration into a signer and a verifier
 * without a container, and fails with a message that names the property to set when the key is missing: keys are
 * never generated silently outside the development script.
 *
 * @param keystore PKCS#12 file with the signing key and its chain ({@code atelier.provenance.keystore})
 * @param password its password ({@code atelier.provenance.keystore-password})
 * @param alias    the key entry ({@code atelier.provenance.key-alias})
 * @param trustDir directory of trusted root/intermediate PEMs ({@code atelier.provenance.trust-dir}); defaults to
 *                 {@code trust/} beside the keystore
 * @param pkcs11Config a SunPKCS11 configuration file ({@code atelier.provenance.pkcs11-config}): when set, the key
 *                 lives on that token (an HSM), {@code password} is its PIN and {@code trustDir} is required
 */
public record ProvenanceSettings(Optional<Path> keystore, String password, String alias, Optional<Path> trustDir,
                                 Optional<Path> pkcs11Config) {

    /** A keystore file (PKCS#12), as in development and most deployments. */
    public ProvenanceSettings(Optional<Path> keystore, String password, String alias, Optional<Path> trustDir) {
        this(keystore, password, alias, trustDir, Optional.empty());
    }

    static final String KEYSTORE_PROPERTY = "atelier.provenance.keystore";
    static final String TRUST_DIR_PROPERTY = "atelier.provenance.trust-dir";
    static final String DEV_SCRIPT = "deploy/provenance/dev-signing-key.sh";

    public Path requiredKeystore() {
        Path path = keystore.orElseThrow(() -> new IllegalStateException("Content Credentials need a signing key: set "
                + KEYSTORE_PROPERTY + " to a PKCS#12 keystore (for development, create one with " + DEV_SCRIPT
                + " DIR and point " + KEYSTORE_PROPERTY + " at DIR/signing.p12)"));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("the signing keystore " + path + " named by " + KEYSTORE_PROPERTY
                    + " does not exist (for development, create it with " + DEV_SCRIPT + " " + path.getParent() + ")");
        }
        return path;
    }

    public Path requiredTrustDir() {
        Path path = trustDir.orElseGet(() -> {
            if (pkcs11Config.isPresent()) {
                throw new IllegalStateException("with a PKCS#11 signing key, set " + TRUST_DIR_PROPERTY
                        + " to a directory of trusted root certificates (PEM)");
            }
            return requiredKeystore().toAbsolutePath().getParent().resolve("trust");
        });
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("the trust directory " + path + " does not exist: set " + TRUST_DIR_PROPERTY
                    + " to a directory of trusted root certificates (PEM)");
        }
        return path;
    }

    public SigningCredentials credentials() {
        if (pkcs11Config.isPresent()) {
            return fromToken(pkcs11Config.get());
        }
        return SigningCredentials.fromPkcs12(requiredKeystore(), password.toCharArray(), alias);
    }

    // The JDK's SunPKCS11 provider talks to the HSM; the private key never leaves it, and signing picks the provider
    // that owns the key (CoseSign1 asks for the algorithm without naming one).
    private SigningCredentials fromToken(Path config) {
        try {
            java.security.Provider provider = java.security.Security.getProvider("SunPKCS11").configure(config.toString());
            java.security.Security.addProvider(provider);
            java.security.KeyStore token = java.security.KeyStore.getInstance("PKCS11", provider);
            token.load(null, password.toCharArray());
            return SigningCredentials.fromKeyStore(token, password.toCharArray(), alias, "PKCS#11 token " + config);
        } catch (java.security.GeneralSecurityException | java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("cannot open the PKCS#11 signing key configured by " + config + ": "
                    + e.getMessage(), e);
        }
    }

    public TrustList trustList() {
        return TrustList.fromDirectory(requiredTrustDir());
    }

    public ProvenanceVerifier verifier(Clock clock) {
        return new ProvenanceVerifier(trustList(), clock);
    }

    public ManifestSigner signer(ProvenanceVerifier verifier, Clock clock) {
        return new ManifestSigner(credentials(), verifier, clock);
    }
}
