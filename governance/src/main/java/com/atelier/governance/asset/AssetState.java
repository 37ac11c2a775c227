package com.atelier.governance.asset;

/** An asset's place in its lifecycle; review states (IN_REVIEW, APPROVED...) come with the approval workflow. */
public enum AssetState {
    GENERATED, BLOCKED
}
