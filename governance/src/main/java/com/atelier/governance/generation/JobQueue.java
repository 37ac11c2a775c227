package com.atelier.governance.generation;

import java.util.UUID;

/**
 * The durable queue that carries accepted jobs to the GPU workers. A port: integrations sends to Artemis once the
 * accepting transaction has committed. Consumers must tolerate a job id arriving more than once.
 */
public interface JobQueue {

    void enqueue(UUID jobId);
}
