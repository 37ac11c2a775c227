package com.atelier.governance.generation;

import java.util.UUID;

/** A job reached a final state; fired inside the transaction that recorded it. */
public record JobFinished(UUID jobId) {
}
