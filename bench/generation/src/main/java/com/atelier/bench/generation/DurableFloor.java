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
 * signing); this is what no implementation of that flow can avoid. Run alone by floor.sh ({@link #main}) or as
 * the "floor" phase of {@link GenerationBenchmark}, with the same environment (PG_URL, PG_USER, PG_PASSWORD,
 * BROKER_URL, BROKER_USER, BROKER_PASSWORD, FLOOR_N, FLOOR_WARMUP).
 */
public final class DurableFloor {

    private DurableFloor() {
    }

    /** Where PostgreSQL and Artemis are, and how many rounds to time. */
    record Settings(String pgUrl, String pgUser, String pgPassword, String brokerUrl, String brokerUser,
                    String brokerPassword, int rounds, int warmup) {

        static Settings fromEnvironment() {
            return new Settings(
                    env("PG_URL", "jdbc:postgresql://127.0.0.1:5432/atelier"),
                    env("PG_USER", "atelier"),
                    env("PG_PASSWORD", "atelier"),
                    env("BROKER_URL", "tcp://127.0.0.1:61616"),
                    env("BROKER_USER", "atelier"),
                    env("BROKER_PASSWORD", "atelier"),
                    Integer.parseInt(env("FLOOR_N", "2000")),
                    Integer.parseInt(env("FLOOR_WARMUP", "200")));
        }
    }

    /** The timed rounds, in nanoseconds, one entry per round for each hand-off and for all four together. */
    record Result(int rounds, int warmup, long[] commit, long[] threeCommits, long[] broker, long[] floor) {
    }

    public static void main(String[] args) throws Exception {
        print(measure(Settings.fromEnvironment()));
    }

    /** Times the four hand-offs, one round at a time; the scratch table is dropped afterwards. */
    static Result measure(Settings settings) throws Exception {
        int rounds = settings.rounds();
        Result result = new Result(rounds, settings.warmup(), new long[rounds], new long[rounds], new long[rounds],
                new long[rounds]);
        try (Connection db = DriverManager.getConnection(settings.pgUrl(), settings.pgUser(), settings.pgPassword());
             ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(settings.brokerUrl(),
                     settings.brokerUser(), settings.brokerPassword());
             JMSContext jms = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            try (Statement ddl = db.createStatement()) {
                // a logged table: a temporary one would skip the WAL flush being measured
                ddl.execute("CREATE TABLE IF NOT EXISTS bench_durable_floor (id bigserial PRIMARY KEY, note text)");
            }
            db.setAutoCommit(false);
            try {
                timeRounds(db, jms, settings.warmup(), result);
            } finally {
                db.rollback();
                db.setAutoCommit(true);
                try (Statement ddl = db.createStatement()) {
                    ddl.execute("DROP TABLE IF EXISTS bench_durable_floor");
                }
            }
        }
        return result;
    }

    private static void timeRounds(Connection db, JMSContext jms, int warmup, Result result) throws SQLException {
        Queue queue = jms.createQueue("bench.durable-floor");
        JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO bench_durable_floor (note) VALUES (?)");
             JMSConsumer consumer = jms.createConsumer(queue)) {
            for (int i = -warmup; i < result.rounds(); i++) {
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
                    result.commit()[i] = accepted - start;
                    result.broker()[i] = delivered - accepted;
                    result.threeCommits()[i] = (accepted - start) + (done - delivered);
                    result.floor()[i] = done - start;
                }
            }
        }
    }

    private static void transaction(PreparedStatement insert, Connection db, String note) throws SQLException {
        insert.setString(1, note);
        insert.executeUpdate();
        db.commit();
    }

    /** The floor's own table, as floor.sh has always printed it. */
    static void print(Result result) {
        System.out.printf(Locale.ROOT, "## Durable floor (%d rounds after %d warm-up, one at a time)%n%n",
                result.rounds(), result.warmup());
        System.out.println("| step | p50 (ms) | p90 (ms) | p99 (ms) | mean (ms) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        row("one INSERT + COMMIT", result.commit());
        row("three INSERT + COMMIT", result.threeCommits());
        row("persistent send + receive (Artemis)", result.broker());
        row("**all four hand-offs in sequence**", result.floor());
    }

    private static void row(String label, long[] nanos) {
        Stats stats = Stats.of(nanos);
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", label,
                stats.p50(), stats.p90(), stats.p99(), stats.mean());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
