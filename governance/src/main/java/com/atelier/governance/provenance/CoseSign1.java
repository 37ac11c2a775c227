package com.atelier.governance.provenance;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A COSE_Sign1 structure (RFC 9052) over a C2PA claim: the claim is the detached payload, the protected header names
 * the algorithm and carries the certificate chain ({@code x5chain}, RFC 9360), and the signature is ES256 in COSE's raw
 * {@code r || s} form.
 */
record CoseSign1(byte[] protectedHeader, CBORObject unprotectedHeader, byte[] signature) {

    static final int TAG = 18;
    private static final int HEADER_ALG = 1;
    private static final int HEADER_X5CHAIN = 33;
    static final int ES256 = -7;
    /**
     * JCA's name for ECDSA whose signature is the fixed-length {@code r || s} concatenation (IEEE P1363) that COSE uses,
     * instead of the DER SEQUENCE that plain SHA256withECDSA produces; SunEC has it since Java 9.
     */
    private static final String ES256_JCA = "SHA256withECDSAinP1363Format";

    static CoseSign1 sign(byte[] claim, SigningCredentials credentials) {
        CBORObject header = CBORObject.NewOrderedMap();
        header.Add(HEADER_ALG, ES256);
        header.Add(HEADER_X5CHAIN, x5chain(credentials.chain()));
        byte[] protectedHeader = header.EncodeToBytes();
        try {
            Signature signer = Signature.getInstance(ES256_JCA);
            signer.initSign(credentials.privateKey());
            signer.update(toBeSigned(protectedHeader, claim));
            return new CoseSign1(protectedHeader, CBORObject.NewOrderedMap(), signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the claim with ES256: " + e.getMessage(), e);
        }
    }

    /** The tagged COSE_Sign1 array with a nil payload: C2PA keeps the claim in its own box. */
    byte[] encode() {
        CBORObject array = CBORObject.NewArray();
        array.Add(CBORObject.FromObject(protectedHeader));
        array.Add(unprotectedHeader);
        array.Add(CBORObject.Null);
        array.Add(CBORObject.FromObject(signature));
        return CBORObject.FromObjectAndTag(array, TAG).EncodeToBytes();
    }

    static CoseSign1 decode(byte[] bytes) {
        try {
            CBORObject cose = CBORObject.DecodeFromBytes(bytes);
            if (cose.HasMostOuterTag(TAG)) {
                cose = cose.UntagOne();
            }
            if (cose.getType() != CBORType.Array || cose.size() != 4) {
                throw new MalformedManifestException("the claim signature is not a COSE_Sign1 array of four items");
            }
            return new CoseSign1(cose.get(0).GetByteString(), cose.get(1), cose.get(3).GetByteString());
        } catch (RuntimeException e) {
            if (e instanceof MalformedManifestException m) {
                throw m;
            }
            throw new MalformedManifestException("the claim signature is not valid COSE_Sign1: " + e.getMessage(), e);
        }
    }

    int algorithm() {
        CBORObject alg = protectedMap().get(CBORObject.FromObject(HEADER_ALG));
        return alg == null ? 0 : alg.AsInt32Value();
    }

    /** The certificate chain from the protected header (or, as older signers put it, the unprotected one). */
    List<X509Certificate> chain() {
        CBORObject x5chain = protectedMap().get(CBORObject.FromObject(HEADER_X5CHAIN));
        if (x5chain == null) {
            x5chain = unprotectedHeader.get(CBORObject.FromObject(HEADER_X5CHAIN));
        }
        if (x5chain == null) {
            throw new MalformedManifestException("the claim signature carries no x5chain certificate chain");
        }
        List<byte[]> ders = new ArrayList<>();
        if (x5chain.getType() == CBORType.ByteString) {
            ders.add(x5chain.GetByteString());
        } else {
            for (CBORObject der : x5chain.getValues()) {
                ders.add(der.GetByteString());
            }
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (byte[] der : ders) {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
            return chain;
        } catch (CertificateException e) {
            throw new MalformedManifestException("the x5chain holds an unreadable certificate: " + e.getMessage(), e);
        }
    }

    /** Whether the signature verifies over the claim with the end-entity certificate's key. */
    boolean verifies(byte[] claim) {
        if (algorithm() != ES256) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ES256_JCA);
            verifier.initVerify(chain().get(0).getPublicKey());
            verifier.update(toBeSigned(protectedHeader, claim));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The time-stamp token from {@code sigTst2} or {@code sigTst}, if the signer obtained one. */
    Optional<byte[]> timeStampToken() {
        for (String label : List.of("sigTst2", "sigTst")) {
            CBORObject tst = unprotectedHeader.get(label);
            if (tst != null && tst.get("tstTokens") != null && tst.get("tstTokens").size() > 0) {
                CBORObject token = tst.get("tstTokens").get(0).get("val");
                if (token != null && token.getType() == CBORType.ByteString) {
                    return Optional.of(token.GetByteString());
                }
            }
        }
        return Optional.empty();
    }

    private CBORObject protectedMap() {
        return CBORObject.DecodeFromBytes(protectedHeader);
    }

    /** Sig_structure: ["Signature1", body_protected, external_aad (empty), payload (the claim)]. */
    private static byte[] toBeSigned(byte[] protectedHeader, byte[] claim) {
        CBORObject structure = CBORObject.NewArray();
        structure.Add("Signature1");
        structure.Add(CBORObject.FromObject(protectedHeader));
        structure.Add(CBORObject.FromObject(new byte[0]));
        structure.Add(CBORObject.FromObject(claim));
        return structure.EncodeToBytes();
    }

    /** One certificate goes as a byte string, several as an array of them (RFC 9360). */
    private static CBORObject x5chain(List<X509Certificate> chain) {
        try {
            if (chain.size() == 1) {
                return CBORObject.FromObject(chain.get(0).getEncoded());
            }
            CBORObject array = CBORObject.NewArray();
            for (X509Certificate certificate : chain) {
                array.Add(CBORObject.FromObject(certificate.getEncoded()));
            }
            return array;
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot encode the signing certificate chain", e);
        }
    }
}
