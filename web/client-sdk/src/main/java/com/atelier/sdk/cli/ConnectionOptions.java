package com.atelier.sdk.cli;

import com.atelier.sdk.AtelierClient;
import picocli.CommandLine.Option;

import java.net.URI;

/** Where the portal and Keycloak are and how to sign in; shared by every command. */
final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://localhost:8080/api/v1",
            description = "API base URL (ATELIER_URL; default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--keycloak-url", paramLabel = "URL", defaultValue = "http://localhost:8180",
            description = "Keycloak base URL (ATELIER_KEYCLOAK_URL; default ${DEFAULT-VALUE}).")
    URI keycloakUrl;

    @Option(names = "--realm", defaultValue = "atelier", description = "Keycloak realm (ATELIER_REALM).")
    String realm;

    @Option(names = "--user", description = "Sign in as this user through the public client (ATELIER_USER).")
    String user;

    @Option(names = "--password", description = "The user's password (ATELIER_PASSWORD).")
    String password;

    @Option(names = "--client-id", description = "Sign in as this service-account client (ATELIER_CLIENT_ID).")
    String clientId;

    @Option(names = "--client-secret", description = "The client's secret (ATELIER_CLIENT_SECRET).")
    String clientSecret;

    @Option(names = "--token", description = "A bearer token to use as it is (ATELIER_TOKEN).")
    String token;

    AtelierClient connect() {
        AtelierClient.Builder builder = AtelierClient.builder().url(url).keycloakUrl(keycloakUrl).realm(realm);
        if (token != null) {
            return builder.token(token).build();
        }
        if (clientId != null) {
            return builder.clientCredentials(clientId, required(clientSecret, "--client-secret")).build();
        }
        if (user != null) {
            return builder.password(user, required(password, "--password")).build();
        }
        throw new CredentialsMissingException("Say how to sign in: --user and --password, --client-id and "
                + "--client-secret, or --token (or ATELIER_USER/ATELIER_PASSWORD, ATELIER_CLIENT_ID/"
                + "ATELIER_CLIENT_SECRET, ATELIER_TOKEN).");
    }

    private static String required(String value, String option) {
        if (value == null) {
            throw new CredentialsMissingException("Give " + option + " too (or "
                    + EnvironmentDefaults.variableFor(option) + ").");
        }
        return value;
    }
}
