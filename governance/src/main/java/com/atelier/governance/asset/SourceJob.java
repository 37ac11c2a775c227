package com.atelier.governance.asset;

import com.atelier.governance.workspace.Workspace;

import java.util.UUID;

/**
 * The generation job an asset was rendered by, as the asset records it. Assets keep only the job's id, so that the
 * catalogue of images does not depend on how generation runs its jobs.
 */
public interface SourceJob {

    UUID id();

    Workspace workspace();

    /** The user who asked for the job, and so owns its images. */
    String requester();
}
