package com.atelier.it;

import org.awaitility.Awaitility;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * The CPU KServe v2 server (procedural renderer) as a real process on port 18001, which the tested portal is
 * configured to use; tests stop it to see how the portal behaves when inference is down.
 */
final class LocalTriton {

    static final int PORT = 18001;
    private static Process process;

    private LocalTriton() {
    }

    static synchronized void ensureRunning() {
        if (process != null && process.isAlive()) {
            return;
        }
        File jar = new File(System.getProperty("it.triton.jar"));
        try {
            process = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.getAbsolutePath(), "--host", "127.0.0.1",
                    "--port", Integer.toString(PORT))
                    .redirectErrorStream(true)
                    .redirectOutput(new File(jar.getParentFile(), "it-local-triton.log"))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + jar, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(LocalTriton::stop));
        Awaitility.await("CPU inference server on " + PORT).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).until(LocalTriton::listening);
    }

    static synchronized void stop() {
        if (process != null) {
            process.destroy();
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !process.isAlive());
            process = null;
        }
    }

    private static boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
