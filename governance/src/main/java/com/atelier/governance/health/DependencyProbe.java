package com.atelier.governance.health;

import java.time.Duration;

/**
 * Checks one service the portal depends on (database, broker, sign-in, inference). Implementations live beside the
 * adapter for that service; the health endpoint asks all of them.
 */
public interface DependencyProbe {

    /** A short stable name: "database", "broker", "keycloak", "inference". */
    String dependency();

    /** Checks the dependency within the timeout; never throws. */
    DependencyStatus check(Duration timeout);
}
