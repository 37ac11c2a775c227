package com.atelier.governance.render;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.atelier.governance.render.RenderFixtures.ACCEPTED;
import static org.assertj.core.api.Assertions.assertThat;

class RenderStartTest {

    private final RenderFixtures.InMemoryLedger ledger = new RenderFixtures.InMemoryLedger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RenderStart start = new RenderStart(ledger, new StepTimers(meters),
            Clock.fixed(ACCEPTED.plusMillis(250), ZoneOffset.UTC));

    @Test
    void startsAnAcceptedJobAndRecordsItsWaitInTheQueue() {
        var ticket = RenderFixtures.ticket(RenderFixtures.spec(List.of("sdxl"), 64, 1), false);
        ledger.accept(ticket);

        RenderWork work = start.start(ticket.jobId().toString());

        assertThat(work.ticket()).isEqualTo(ticket);
        assertThat(work.outputs()).isEmpty();
        assertThat(meters.get(StepTimers.METER).tags("step", "queue", "model", "sdxl").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250);
    }

    @Test
    void aFinishedOrUnknownJobGivesNothingToRender() {
        var ticket = RenderFixtures.ticket(RenderFixtures.spec(List.of("sdxl"), 64, 1), false);
        ledger.accept(ticket);
        ledger.complete(ticket.jobId(), List.of(), 0);

        assertThat(start.start(ticket.jobId().toString())).isNull();
        assertThat(start.start(UUID.randomUUID().toString())).isNull();
    }
}
