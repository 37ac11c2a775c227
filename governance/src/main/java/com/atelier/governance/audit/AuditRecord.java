package com.atelier.governance.audit;

import java.time.Instant;

/** The content of an audit entry that its hash covers, in chain order. */
public record AuditRecord(String chain, long sequence, Instant occurredAt, String actor, String action,
                          String subjectType, String subjectId, String summary, String requestId, String clientIp) {
}
