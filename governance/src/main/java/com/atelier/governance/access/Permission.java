package com.atelier.governance.access;

/** What a role allows; services check permissions, never role names. */
public enum Permission {
    VIEW_WORKSPACE,
    VIEW_ALL_WORKSPACES,
    GENERATE,
    SUBMIT_FOR_REVIEW,
    COMMENT,
    TRAIN_LORA,
    PUBLISH_LORA,
    APPROVE,
    EDIT_BRAND_POLICY,
    READ_AUDIT_TRAIL,
    VERIFY_PROVENANCE,
    MANAGE_WORKSPACES
}
