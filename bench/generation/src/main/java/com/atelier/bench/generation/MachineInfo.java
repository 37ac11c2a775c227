package com.atelier.bench.generation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The machine a figure was measured on, for the report: the shared 2-core box makes every figure relative. */
final class MachineInfo {

    private MachineInfo() {
    }

    /** e.g. "nproc 2, Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz, OpenJDK 64-Bit Server VM 17.0.15". */
    static String describe() {
        return "nproc " + nproc() + ", " + cpuModel() + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version");
    }

    /** What `nproc` says (the CPUs this process may run on); the JVM's own count when it cannot be run. */
    private static String nproc() {
        try {
            Process process = new ProcessBuilder("nproc").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0 && !out.isEmpty()) {
                return out;
            }
        } catch (IOException e) {
            // fall through to the JVM's count
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Runtime.getRuntime().availableProcessors() + " (JVM)";
    }

    /** The first "model name" of /proc/cpuinfo. */
    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
