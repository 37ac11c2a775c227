package com.atelier.localtriton;

import com.atelier.inference.TritonClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One local server on an ephemeral port and a client for it, shared by the tests of a class. */
final class LocalTritonExtension implements BeforeAllCallback, AfterAllCallback {

    private LocalTritonServer server;
    private TritonClient client;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = LocalTritonServer.start(ServerOptions.forTests());
        client = LocalTritonFixture.clientFor(server);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.close();
    }

    LocalTritonServer server() {
        return server;
    }

    TritonClient client() {
        return client;
    }
}
