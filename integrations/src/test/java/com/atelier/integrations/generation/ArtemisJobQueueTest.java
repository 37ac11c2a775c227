package com.atelier.integrations.generation;

import com.atelier.integrations.broker.BrokerSender;
import jakarta.jms.JMSRuntimeException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ArtemisJobQueueTest {

    /** A broker that refuses every message while it is away and records what it takes once it is back. */
    private static final class FlakyBroker extends BrokerSender {
        boolean away = true;
        final List<String> taken = new ArrayList<>();

        @Override
        public void send(String queue, String body) {
            if (away) {
                throw new JMSRuntimeException("AMQ219010: Connection is destroyed");
            }
            taken.add(body);
        }

        @Override
        public CompletableFuture<Void> sendConfirmed(String queue, String body) {
            try {
                send(queue, body);
                return CompletableFuture.completedFuture(null);
            } catch (JMSRuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }

    @Test
    void jobsTheBrokerRefusedAreSentOnceItIsBackAndOnlyOnce() {
        FlakyBroker broker = new FlakyBroker();
        ArtemisJobQueue queue = new ArtemisJobQueue(broker);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        assertThat(queue.send(first)).isFalse();
        assertThat(queue.send(second)).isFalse();
        assertThat(queue.resendUnsent()).as("still away").isZero();
        assertThat(queue.unsentCount()).isEqualTo(2);

        broker.away = false;
        assertThat(queue.resendUnsent()).isEqualTo(2);
        assertThat(queue.resendUnsent()).as("nothing left to send").isZero();

        assertThat(broker.taken).containsExactlyInAnyOrder(first.toString(), second.toString());
        assertThat(queue.unsentCount()).isZero();
    }

    @Test
    void aJobTheBrokerDidNotConfirmAfterTheCommitIsSentAgainWhenItIsBack() {
        FlakyBroker broker = new FlakyBroker();
        ArtemisJobQueue queue = new ArtemisJobQueue(broker);
        UUID job = UUID.randomUUID();

        queue.dispatch(job);
        assertThat(queue.unsentCount()).isEqualTo(1);

        broker.away = false;
        assertThat(queue.resendUnsent()).isEqualTo(1);
        assertThat(broker.taken).containsExactly(job.toString());
        assertThat(queue.unsentCount()).isZero();
    }

    @Test
    void aJobSentFirstTimeIsNotKept() {
        FlakyBroker broker = new FlakyBroker();
        broker.away = false;
        ArtemisJobQueue queue = new ArtemisJobQueue(broker);

        assertThat(queue.send(UUID.randomUUID())).isTrue();

        assertThat(queue.unsentCount()).isZero();
        assertThat(broker.taken).hasSize(1);
    }
}
