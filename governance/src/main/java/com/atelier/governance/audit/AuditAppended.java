package com.atelier.governance.audit;

/** An audit event was recorded in the current transaction; once it commits, the event can be chained. */
record AuditAppended() {
}
