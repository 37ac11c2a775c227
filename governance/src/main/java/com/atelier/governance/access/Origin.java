package com.atelier.governance.access;

/** Where a call came from, recorded with every audit entry it causes. */
public record Origin(String requestId, String clientIp) {

    public static final Origin INTERNAL = new Origin("internal", "127.0.0.1");
}
