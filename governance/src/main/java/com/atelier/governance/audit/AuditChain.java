package com.atelier.governance.audit;

import com.atelier.governance.digest.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hash-chain rule of the audit trail. An entry's hash is SHA-256 over the previous entry's hash followed by
 * each field of the record, every field written as its UTF-8 byte length, a colon and the bytes, so that no two
 * different records share an encoding. Outside verifiers re-compute it from an export with the same rule.
 */
public final class AuditChain {

    /** The chain for events that belong to no workspace. */
    public static final String PLATFORM = "platform";

    /** The previous hash of the first entry of every chain. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The newest entry of a chain, which the next entry links to. */
    record Tip(long sequence, String entryHash) {
        static final Tip GENESIS = new Tip(0, AuditChain.GENESIS);
    }

    /** The entries that append the waiting events, in the given order, to a chain that ends at {@code tip}. */
    static List<AuditEntry> extend(Tip tip, List<AuditIntake> events) {
        List<AuditEntry> entries = new ArrayList<>(events.size());
        long sequence = tip.sequence();
        String previousHash = tip.entryHash();
        for (AuditIntake event : events) {
            AuditRecord record = event.at(++sequence);
            String entryHash = hash(previousHash, record);
            entries.add(new AuditEntry(record, previousHash, entryHash));
            previousHash = entryHash;
        }
        return entries;
    }

    public static String hash(String previousHash, AuditRecord record) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[]{previousHash, record.chain(), Long.toString(record.sequence()),
                record.occurredAt().toString(), record.actor(), record.action(), record.subjectType(),
                record.subjectId(), record.summary(), nullToEmpty(record.requestId()),
                nullToEmpty(record.clientIp())}) {
            canonical.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
        }
        return Sha256.hex(canonical.toString());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
