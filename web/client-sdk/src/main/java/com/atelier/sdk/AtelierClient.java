package com.atelier.sdk;

import com.atelier.sdk.auth.KeycloakGrant;
import com.atelier.sdk.auth.KeycloakTokens;
import com.atelier.sdk.auth.TokenSource;
import com.atelier.sdk.http.RetryPolicy;
import com.atelier.sdk.http.RetryingSender;
import com.atelier.sdk.workspace.Me;
import com.atelier.sdk.workspace.Workspace;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The entry point of the SDK: a typed client for the portal's REST API ({@code /api/v1}). Thread-safe; make one
 * per set of credentials and share it.
 *
 * <pre>{@code
 * AtelierClient atelier = AtelierClient.builder().password("designer", "demo").build();
 * Job job = atelier.generations().run("brand-studio",
 *         GenerationRequest.builder().model("sdxl").prompt("a red fox").build(), Duration.ofMinutes(5));
 * }</pre>
 */
public final class AtelierClient {

    public static final URI DEFAULT_URL = URI.create("http://localhost:8080/api/v1/");
    public static final URI DEFAULT_KEYCLOAK_URL = URI.create("http://localhost:8180");

    private final ApiExchange api;
    private final Generations generations;
    private final Assets assets;

    private AtelierClient(ApiExchange api, Generations generations, Assets assets) {
        this.api = api;
        this.generations = generations;
        this.assets = assets;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code GET /me}: who the token says the caller is. */
    public Me me() {
        return api.call(api.request("me").GET(), Me.class);
    }

    /** {@code GET /workspaces}: the caller's workspaces (all of them for admin and compliance). */
    public List<Workspace> workspaces() {
        return List.of(api.call(api.request("workspaces").GET(), Workspace[].class));
    }

    public Generations generations() {
        return generations;
    }

    public Assets assets() {
        return assets;
    }

    /** Where the API is and how to sign in; everything but the credentials has a default for a local portal. */
    public static final class Builder {
        private URI url = DEFAULT_URL;
        private URI keycloakUrl = DEFAULT_KEYCLOAK_URL;
        private String realm = KeycloakTokens.DEFAULT_REALM;
        private KeycloakGrant grant;
        private TokenSource tokens;
        private RetryPolicy retry = RetryPolicy.defaults();
        private Duration firstPoll = Duration.ofMillis(500);
        private Duration maxPoll = Duration.ofSeconds(5);
        private HttpClient http;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The API base, e.g. {@code https://atelier.example.com/api/v1}. */
        public Builder url(URI url) {
            this.url = url;
            return this;
        }

        public Builder url(String url) {
            return url(URI.create(url));
        }

        /** Keycloak's base URL (without {@code /realms/...}). */
        public Builder keycloakUrl(URI keycloakUrl) {
            this.keycloakUrl = keycloakUrl;
            return this;
        }

        public Builder realm(String realm) {
            this.realm = realm;
            return this;
        }

        /** Signs in as a person through the public client {@code atelier-api}. */
        public Builder password(String username, String password) {
            return grant(KeycloakGrant.password(username, password));
        }

        /** Signs in as a confidential client's service account. */
        public Builder clientCredentials(String clientId, String clientSecret) {
            return grant(KeycloakGrant.clientCredentials(clientId, clientSecret));
        }

        public Builder grant(KeycloakGrant grant) {
            this.grant = grant;
            this.tokens = null;
            return this;
        }

        /** Uses this token as it is, never renewing it. */
        public Builder token(String token) {
            return tokenSource(TokenSource.fixed(token));
        }

        public Builder tokenSource(TokenSource tokens) {
            this.tokens = tokens;
            this.grant = null;
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        /** The first and the longest pause between polls in {@link Generations#awaitCompletion}. */
        public Builder pollInterval(Duration first, Duration max) {
            this.firstPoll = first;
            this.maxPoll = max;
            return this;
        }

        /** An HTTP client of the caller's (proxy, TLS trust, executor). */
        public Builder httpClient(HttpClient http) {
            this.http = http;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public AtelierClient build() {
            RetryingSender sender = new RetryingSender(http != null ? http : defaultHttpClient(), retry, clock);
            TokenSource tokenSource = tokens != null ? tokens : keycloak(sender);
            ObjectMapper json = SdkJson.mapper();
            ApiExchange api = new ApiExchange(url, sender, tokenSource, json, new ProblemReports(json, clock));
            return new AtelierClient(api, new Generations(api, firstPoll, maxPoll, clock), new Assets(api));
        }

        private TokenSource keycloak(RetryingSender sender) {
            if (grant == null) {
                throw new IllegalStateException("Say how to sign in: password(user, password), "
                        + "clientCredentials(id, secret) or token(bearer).");
            }
            return new KeycloakTokens(keycloakUrl, realm, grant, sender, clock);
        }

        private static HttpClient defaultHttpClient() {
            // HTTP/1.1: the JDK client's cleartext HTTP/2 upgrade adds a round of headers that WildFly and
            // proxies handle unevenly, and buys nothing for a handful of calls per job
            return HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
    }
}
