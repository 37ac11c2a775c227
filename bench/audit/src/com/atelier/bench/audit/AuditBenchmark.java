package com.atelier.bench.audit;

import com.atelier.governance.audit.AuditChain;
import com.atelier.governance.audit.AuditRecord;
import com.atelier.governance.audit.ChainVerifier;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The audit trail's two figures on a scratch PostgreSQL database with the real schema (V1 migration): appends per
 * second under concurrent writers (the portal's own append protocol: advisory lock per chain, read the tail, hash,
 * insert, commit), with the chain verified afterwards, and entries verified per minute by the portal's
 * ChainVerifier over a streamed SELECT.
 */
public final class AuditBenchmark {

    private static final String URL = System.getProperty("bench.db", "jdbc:postgresql://127.0.0.1:5432/atelier_bench");

    private AuditBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int appends = Integer.getInteger("bench.appends", 4000);
        int verifyEntries = Integer.getInteger("bench.verify", 1_000_000);
        System.out.println("| writers | chains | appends | seconds | appends/s | chain intact |");
        System.out.println("| ---: | --- | ---: | ---: | ---: | --- |");
        for (int writers : new int[]{1, 4, 8}) {
            appendRun(writers, true, appends);
            appendRun(writers, false, appends);
        }
        System.out.println();
        fill("bench:verify", verifyEntries);
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            ChainVerifier.ChainReport report = verify("bench:verify");
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("verification run %d: %,d entries in %.2f s = %,.0f entries/minute, intact=%s%n", run,
                    report.entriesChecked(), seconds, report.entriesChecked() / seconds * 60, report.intact());
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(URL + "?reWriteBatchedInserts=true", "atelier", "atelier");
    }

    private static void appendRun(int writers, boolean oneChain, int total) throws Exception {
        String prefix = "bench:append:" + writers + ":" + (oneChain ? "one" : "many") + ":" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String chain = oneChain ? prefix : prefix + ":" + w;
            int share = total / writers;
            done.add(pool.submit(() -> {
                try (Connection c = connect()) {
                    c.setAutoCommit(false);
                    for (int i = 0; i < share; i++) {
                        append(c, chain);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        boolean intact = true;
        for (int w = 0; w < (oneChain ? 1 : writers); w++) {
            intact &= verify(oneChain ? prefix : prefix + ":" + w).intact();
        }
        System.out.printf("| %d | %s | %d | %.2f | %.0f | %s |%n", writers, oneChain ? "one shared" : "one each",
                total, seconds, total / seconds, intact);
    }

    /** AuditTrail.append's protocol in JDBC: lock the chain, read its tail, hash, insert, commit. */
    private static void append(Connection c, String chain) throws Exception {
        try (PreparedStatement lock = c.prepareStatement("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, chain);
            lock.executeQuery().close();
        }
        long sequence = 1;
        String previous = AuditChain.GENESIS;
        try (PreparedStatement tail = c.prepareStatement(
                "SELECT sequence, entry_hash FROM audit_entry WHERE chain = ? ORDER BY sequence DESC LIMIT 1")) {
            tail.setString(1, chain);
            try (ResultSet rs = tail.executeQuery()) {
                if (rs.next()) {
                    sequence = rs.getLong(1) + 1;
                    previous = rs.getString(2);
                }
            }
        }
        insert(c, new AuditRecord(chain, sequence, Instant.now().truncatedTo(ChronoUnit.MICROS), "bench", "asset.approved",
                "asset", "a-" + sequence, "{\"verdict\":\"APPROVE\"}", "req", "127.0.0.1"), previous);
        c.commit();
    }

    private static String insert(Connection c, AuditRecord r, String previous) throws Exception {
        String hash = AuditChain.hash(previous, r);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_entry (chain, sequence, occurred_at, actor,"
                + " action, subject_type, subject_id, summary, request_id, client_ip, previous_hash, entry_hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, r, previous, hash);
            insert.executeUpdate();
        }
        return hash;
    }

    private static void bind(PreparedStatement s, AuditRecord r, String previous, String hash) throws Exception {
        s.setString(1, r.chain());
        s.setLong(2, r.sequence());
        s.setTimestamp(3, Timestamp.from(r.occurredAt()));
        s.setString(4, r.actor());
        s.setString(5, r.action());
        s.setString(6, r.subjectType());
        s.setString(7, r.subjectId());
        s.setString(8, r.summary());
        s.setString(9, r.requestId());
        s.setString(10, r.clientIp());
        s.setString(11, previous);
        s.setString(12, hash);
    }

    /** A long, correctly linked chain written in batches (the verification input). */
    private static void fill(String chain, int entries) throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM audit_entry WHERE chain = ?")) {
                count.setString(1, chain);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == entries) {
                        return;
                    }
                }
            }
            String previous = AuditChain.GENESIS;
            Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_entry (chain, sequence, occurred_at,"
                    + " actor, action, subject_type, subject_id, summary, request_id, client_ip, previous_hash,"
                    + " entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= entries; i++) {
                    AuditRecord r = new AuditRecord(chain, i, t0.plusMillis(i), "designer-" + (i % 7),
                            i % 3 == 0 ? "asset.approved" : "generation.requested", "asset", "a-" + i,
                            "{\"models\":[\"sdxl\"],\"count\":2,\"seed\":" + i + "}", "req-" + i, "10.0.0." + (i % 250));
                    String hash = AuditChain.hash(previous, r);
                    bind(insert, r, previous, hash);
                    insert.addBatch();
                    previous = hash;
                    if (i % 5000 == 0) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
        }
    }

    /** AuditExplorer.verify's loop: a cursor over the chain in sequence order, fed to ChainVerifier. */
    private static ChainVerifier.ChainReport verify(String chain) throws Exception {
        ChainVerifier verifier = new ChainVerifier(chain);
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT id, sequence, occurred_at, actor, action, subject_type,"
                    + " subject_id, summary, request_id, client_ip, previous_hash, entry_hash FROM audit_entry"
                    + " WHERE chain = ? ORDER BY sequence")) {
                s.setFetchSize(5000);
                s.setString(1, chain);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        verifier.accept(rs.getLong(1), new AuditRecord(chain, rs.getLong(2),
                                rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)),
                                rs.getString(11), rs.getString(12));
                    }
                }
            }
        }
        return verifier.report();
    }
}
