package com.atelier.governance.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a workspace's brand policy. Version 0 is the empty policy a workspace has before anyone writes
 * one (it has no author or time); every edit adds the next version and none is ever changed.
 */
public record VersionedBrandPolicy(String workspace, int version, BrandPolicy policy, Optional<Instant> createdAt,
                                   Optional<String> createdBy) {

    public VersionedBrandPolicy {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    public static VersionedBrandPolicy none(String workspace) {
        return new VersionedBrandPolicy(workspace, 0, BrandPolicy.NONE, Optional.empty(), Optional.empty());
    }

    /** How refusals name it, e.g. "brand policy v3 of workspace 'acme'". */
    public String label() {
        return version == 0 ? "the portal's rules (workspace '" + workspace + "' has no brand policy)"
                : "brand policy v" + version + " of workspace '" + workspace + "'";
    }
}
