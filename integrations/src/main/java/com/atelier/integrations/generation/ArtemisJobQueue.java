package com.atelier.integrations.generation;

import com.atelier.governance.generation.JobQueue;
import com.atelier.integrations.broker.BrokerSender;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSRuntimeException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts accepted jobs on the durable Artemis queue once the accepting transaction has committed, so a worker never
 * sees a job the database does not have. The request does not wait for the broker to store the message: the job is
 * already durable in PostgreSQL, and the broker's confirmation arrives on its own. If the send fails (broker down)
 * the job is still safe in PostgreSQL and is kept here as unsent; {@link GenerationWorkers} sends the unsent jobs again every few seconds, so they run once
 * the broker is back, and queues every unfinished job again when it starts (after a crash this list is gone).
 */
@ApplicationScoped
public class ArtemisJobQueue implements JobQueue {

    static final String QUEUE = "generation.jobs";
    private static final Logger LOG = Logger.getLogger(ArtemisJobQueue.class.getName());

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private BrokerSender sender;
    private final Set<UUID> unsent = ConcurrentHashMap.newKeySet();

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
            dispatch(jobId);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dispatch(jobId);
                }
            }
        });
    }

    /** Sends one job without waiting for the broker; a job the broker does not confirm is kept as unsent. */
    void dispatch(UUID jobId) {
        sender.sendConfirmed(QUEUE, jobId.toString()).whenComplete((stored, failure) -> {
            if (failure != null) {
                keepUnsent(jobId, failure);
            }
        });
    }

    /** Sends one job and waits for the broker; a job the broker did not take is kept for {@link #resendUnsent()}. */
    boolean send(UUID jobId) {
        try {
            sender.send(QUEUE, jobId.toString());
            unsent.remove(jobId);
            return true;
        } catch (JMSRuntimeException e) {
            keepUnsent(jobId, e);
            return false;
        }
    }

    private void keepUnsent(UUID jobId, Throwable failure) {
        // one warning when the broker goes away, not one per job of a backlog
        if (unsent.add(jobId) && unsent.size() == 1) {
            LOG.log(Level.WARNING, "job " + jobId + " accepted but not yet queued (broker unreachable); jobs"
                    + " like it are sent again every few seconds until the broker takes them", failure);
        }
    }

    /** Sends the jobs the broker did not take earlier, and stops at the first refusal (the broker is still away). */
    public int resendUnsent() {
        int sent = 0;
        for (UUID jobId : List.copyOf(unsent)) {
            if (!send(jobId)) {
                break;
            }
            sent++;
        }
        return sent;
    }

    /** How many accepted jobs wait for the broker on this node. */
    public int unsentCount() {
        return unsent.size();
    }
}
