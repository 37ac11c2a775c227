package com.atelier.governance.audit;

import java.util.Optional;

/**
 * Walks one chain in sequence order and finds its first broken link: an entry whose recomputed hash differs from
 * the stored one (altered), an entry whose previous hash is not its predecessor's hash (re-linked), or a gap in
 * the sequence (deleted). Fed one entry at a time so that millions of entries stream through in constant memory.
 */
public final class ChainVerifier {

    /** What verification found: how many entries were checked and the first broken link, if any. */
    public record ChainReport(String chain, long entriesChecked, Optional<BrokenLink> firstBrokenLink) {

        public boolean intact() {
            return firstBrokenLink.isEmpty();
        }
    }

    /** The entry where the chain breaks, and why. */
    public record BrokenLink(long sequence, Long entryId, String reason) {
    }

    private final String chain;
    private long expectedSequence = 1;
    private String previousHash = AuditChain.GENESIS;
    private long checked;
    private BrokenLink broken;

    public ChainVerifier(String chain) {
        this.chain = chain;
    }

    /** Checks the next entry; after the first broken link the rest is only counted. */
    public void accept(Long entryId, AuditRecord record, String storedPreviousHash, String storedHash) {
        checked++;
        if (broken != null) {
            return;
        }
        if (record.sequence() != expectedSequence) {
            broken = new BrokenLink(expectedSequence, null, record.sequence() > expectedSequence
                    ? "entries " + expectedSequence + (record.sequence() - 1 > expectedSequence
                    ? " to " + (record.sequence() - 1) : "") + " are missing (deleted) before entry " + entryId
                    : "entry " + entryId + " repeats sequence " + record.sequence());
            return;
        }
        if (!storedPreviousHash.equals(previousHash)) {
            broken = new BrokenLink(record.sequence(), entryId, "entry " + entryId + " does not link to its"
                    + " predecessor: previous hash " + storedPreviousHash + ", expected " + previousHash);
            return;
        }
        String recomputed = AuditChain.hash(previousHash, record);
        if (!recomputed.equals(storedHash)) {
            broken = new BrokenLink(record.sequence(), entryId, "entry " + entryId + " was altered: its content"
                    + " hashes to " + recomputed + ", but the chain recorded " + storedHash);
            return;
        }
        previousHash = storedHash;
        expectedSequence++;
    }

    public ChainReport report() {
        return new ChainReport(chain, checked, Optional.ofNullable(broken));
    }
}
