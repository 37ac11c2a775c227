package com.atelier.governance.provenance;

/**
 * One assertion of a claim as it is stored: its label, its serialized content and whether that content is JSON
 * (a {@code json} box) rather than CBOR (a {@code cbor} box).
 */
record Assertion(String label, byte[] content, boolean json) {

    static Assertion cbor(String label, byte[] content) {
        return new Assertion(label, content, false);
    }

    static Assertion json(String label, byte[] content) {
        return new Assertion(label, content, true);
    }

    /** The assertion's JUMBF superbox. */
    byte[] box() {
        return Jumbf.assertion(this);
    }
}
