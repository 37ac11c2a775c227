package com.atelier.governance.provenance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * The key that signs claims and its certificate chain, end-entity first and without the root: C2PA puts exactly that
 * chain in the COSE {@code x5chain} header, and a validator supplies the root from its own trust list.
 */
public record SigningCredentials(PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningCredentials {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing certificate chain needs at least the end-entity certificate");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate signer() {
        return chain.get(0);
    }

    /**
     * Loads the key entry {@code alias} from a PKCS#12 keystore. A self-signed root at the end of the stored chain is
     * dropped, because C2PA forbids sending the trust anchor.
     */
    public static SigningCredentials fromPkcs12(Path keystore, char[] password, String alias) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return fromKeyStore(store, password, alias, keystore.toString());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the signing keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    /** Loads a PKCS#12 keystore held in memory (a rotated key stored in the database). */
    public static SigningCredentials fromPkcs12(byte[] keystore, char[] password, String alias)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new java.io.ByteArrayInputStream(keystore), password);
        return fromKeyStore(store, password, alias, "the stored keystore");
    }

    /** Loads from an already opened keystore, e.g. a PKCS#11 one backed by an HSM. */
    public static SigningCredentials fromKeyStore(KeyStore store, char[] password, String alias, String where)
            throws GeneralSecurityException {
        Key key = store.getKey(alias, password);
        if (!(key instanceof PrivateKey privateKey)) {
            throw new IllegalStateException("the keystore " + where + " has no private key under the alias '" + alias + "'");
        }
        Certificate[] stored = store.getCertificateChain(alias);
        if (stored == null || stored.length == 0) {
            throw new IllegalStateException("the keystore " + where + " has no certificate chain for '" + alias + "'");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : stored) {
            chain.add((X509Certificate) certificate);
        }
        if (chain.size() > 1 && isSelfSigned(chain.get(chain.size() - 1))) {
            chain.remove(chain.size() - 1);
        }
        return new SigningCredentials(privateKey, chain);
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
