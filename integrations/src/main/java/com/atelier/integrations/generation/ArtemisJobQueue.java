package com.atelier.integrations.generation;

import com.atelier.governance.generation.JobQueue;
import com.atelier.governance.store.AfterCommit;
import com.atelier.integrations.broker.BrokerSender;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSRuntimeException;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts accepted jobs on the durable Artemis queue once the accepting transaction has committed, so a worker never
 * sees a job the database does not have. If the send fails (broker down) the job is still safe in PostgreSQL:
 * {@link GenerationWorkers} queues every unfinished job again when it starts.
 */
@ApplicationScoped
public class ArtemisJobQueue implements JobQueue {

    static final String QUEUE = "generation.jobs";
    private static final Logger LOG = Logger.getLogger(ArtemisJobQueue.class.getName());

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private BrokerSender sender;

    protected ArtemisJobQueue() {
        // for CDI proxies
    }

    @Inject
    public ArtemisJobQueue(BrokerSender sender) {
        this.sender = sender;
    }

    @Override
    public void enqueue(UUID jobId) {
        if (transactions.getTransactionKey() == null) {
            send(jobId);
            return;
        }
        AfterCommit.run(transactions, () -> send(jobId));
    }

    void send(UUID jobId) {
        try {
            sender.send(QUEUE, jobId.toString());
        } catch (JMSRuntimeException e) {
            LOG.log(Level.WARNING, "job " + jobId + " accepted but not yet queued (broker unreachable);"
                    + " it is queued again when the workers restart", e);
        }
    }
}
