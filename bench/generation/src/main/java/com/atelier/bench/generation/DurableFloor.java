package com.atelier.bench.generation;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;

/**
 * The floor under the portal's added latency: the durable hand-offs the generation flow makes between a
 * synchronous request and its answer, timed alone on this machine with nothing of the portal around them.
 * <ol>
 *   <li>three PostgreSQL transactions of one small INSERT each, committed with the server's defaults
 *       (synchronous_commit on): the flow commits to accept the job, to start it and to record its asset;</li>
 *   <li>one persistent message sent to an Artemis queue and received from it (the job hand-off to a worker).</li>
 * </ol>
 * The portal does more in each step (several statements per transaction, the audit event, the checks, C2PA
 * signing); this is what no implementation of that flow can avoid. Same environment as GenerationBenchmark
 * (PG_URL, PG_USER, PG_PASSWORD, BROKER_URL, BROKER_USER, BROKER_PASSWORD, FLOOR_N, FLOOR_WARMUP).
 */
public final class DurableFloor {

    private DurableFloor() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(env("FLOOR_N", "2000"));
        int warmup = Integer.parseInt(env("FLOOR_WARMUP", "200"));
        long[] commit = new long[rounds];
        long[] threeCommits = new long[rounds];
        long[] broker = new long[rounds];
        long[] floor = new long[rounds];
        try (Connection db = DriverManager.getConnection(env("PG_URL", "jdbc:postgresql://127.0.0.1:5432/atelier"),
                env("PG_USER", "atelier"), env("PG_PASSWORD", "atelier"));
             ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(
                     env("BROKER_URL", "tcp://127.0.0.1:61616"), env("BROKER_USER", "atelier"),
                     env("BROKER_PASSWORD", "atelier"));
             JMSContext jms = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            try (Statement ddl = db.createStatement()) {
                // a logged table: a temporary one would skip the WAL flush being measured
                ddl.execute("CREATE TABLE IF NOT EXISTS bench_durable_floor (id bigserial PRIMARY KEY, note text)");
            }
            db.setAutoCommit(false);
            Queue queue = jms.createQueue("bench.durable-floor");
            JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_durable_floor (note) VALUES (?)");
                 JMSConsumer consumer = jms.createConsumer(queue)) {
                for (int i = -warmup; i < rounds; i++) {
                    long start = System.nanoTime();
                    transaction(insert, db, "accepted");
                    long accepted = System.nanoTime();
                    producer.send(queue, "job " + i);
                    if (consumer.receive(10_000) == null) {
                        throw new IllegalStateException("the broker did not deliver the message within 10 s");
                    }
                    long delivered = System.nanoTime();
                    transaction(insert, db, "started");
                    transaction(insert, db, "completed");
                    long done = System.nanoTime();
                    if (i >= 0) {
                        commit[i] = accepted - start;
                        broker[i] = delivered - accepted;
                        threeCommits[i] = (accepted - start) + (done - delivered);
                        floor[i] = done - start;
                    }
                }
            } finally {
                db.rollback();
                db.setAutoCommit(true);
                try (Statement ddl = db.createStatement()) {
                    ddl.execute("DROP TABLE IF EXISTS bench_durable_floor");
                }
            }
        }
        System.out.printf(Locale.ROOT, "## Durable floor (%d rounds after %d warm-up, one at a time)%n%n", rounds, warmup);
        System.out.println("| step | p50 (ms) | p90 (ms) | p99 (ms) | mean (ms) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        row("one INSERT + COMMIT", commit);
        row("three INSERT + COMMIT", threeCommits);
        row("persistent send + receive (Artemis)", broker);
        row("**all four hand-offs in sequence**", floor);
    }

    private static void transaction(PreparedStatement insert, Connection db, String note) throws SQLException {
        insert.setString(1, note);
        insert.executeUpdate();
        db.commit();
    }

    private static void row(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", label,
                ms(GenerationBenchmark.percentile(sorted, 50)), ms(GenerationBenchmark.percentile(sorted, 90)),
                ms(GenerationBenchmark.percentile(sorted, 99)), Arrays.stream(sorted).average().orElse(0) / 1e6);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
