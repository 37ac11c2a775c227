package com.atelier.sdk.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

/**
 * Fills options that were not given from {@code ATELIER_...} environment variables, so that secrets need not
 * appear on a command line (where {@code ps} and shell history would show them).
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    private static final Map<String, String> VARIABLES = Map.of(
            "--url", "ATELIER_URL",
            "--keycloak-url", "ATELIER_KEYCLOAK_URL",
            "--realm", "ATELIER_REALM",
            "--user", "ATELIER_USER",
            "--password", "ATELIER_PASSWORD",
            "--client-id", "ATELIER_CLIENT_ID",
            "--client-secret", "ATELIER_CLIENT_SECRET",
            "--token", "ATELIER_TOKEN");

    private final Map<String, String> environment;

    EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    static String variableFor(String option) {
        return VARIABLES.get(option);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        String variable = VARIABLES.get(option.longestName());
        String value = variable == null ? null : environment.get(variable);
        // picocli expands ${...} in default values; a password may well contain "${", and "$${" keeps it literal
        return value == null || value.isEmpty() ? null : value.replace("${", "$${");
    }
}
