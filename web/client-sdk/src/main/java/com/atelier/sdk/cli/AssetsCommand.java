package com.atelier.sdk.cli;

import com.atelier.sdk.asset.Asset;
import com.atelier.sdk.asset.AssetPage;
import com.atelier.sdk.asset.AssetQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;

/** {@code atelier assets list|tag}: browse a workspace's gallery and tag its images. */
@Command(name = "assets", mixinStandardHelpOptions = true, description = "List or tag a workspace's assets.")
final class AssetsCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Name a command: list or tag.");
    }

    /** The gallery filters, as the API names them. */
    static final class Filters {
        @Option(names = {"-m", "--model"})
        String model;
        @Option(names = "--requester")
        String requester;
        @Option(names = "--state", description = "GENERATED, BLOCKED...")
        String state;
        @Option(names = "--tag")
        String tag;
        @Option(names = "--from", description = "Created at or after, ISO-8601 (2026-01-31T00:00:00Z).")
        Instant from;
        @Option(names = "--to", description = "Created before, ISO-8601.")
        Instant to;
        @Option(names = "--page", defaultValue = "0")
        int page;
        @Option(names = "--size", defaultValue = "20", description = "At most 100.")
        int size;

        AssetQuery query() {
            return AssetQuery.all().withModel(model).withRequester(requester).withState(state).withTag(tag)
                    .createdBetween(from, to).page(page, size);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per asset, newest first.")
    int list(@Mixin ConnectionOptions connection,
             @Option(names = {"-w", "--workspace"}, required = true) String workspace,
             @Mixin Filters filters) {
        AssetPage page = connection.connect().assets().list(workspace, filters.query());
        PrintWriter out = spec.commandLine().getOut();
        for (Asset asset : page.items()) {
            out.printf("%s %s %s tags=%s%n", asset.model(), JobReport.line(asset), asset.createdAt(),
                    String.join(",", asset.tags()));
        }
        out.printf("page %d, %d of %d asset(s)%s%n", page.page(), page.items().size(), page.total(),
                page.hasNext() ? "; next: --page " + (page.page() + 1) : "");
        return AtelierCli.OK;
    }

    @Command(name = "tag", mixinStandardHelpOptions = true, description = "Add a tag to an asset.")
    int tag(@Mixin ConnectionOptions connection,
            @Option(names = {"-w", "--workspace"}, required = true) String workspace,
            @Parameters(index = "0", paramLabel = "ID") String id,
            @Parameters(index = "1", paramLabel = "TAG") String tag) {
        Asset asset = connection.connect().assets().tag(workspace, id, tag);
        spec.commandLine().getOut().printf("%s tags=%s%n", asset.id(), String.join(",", asset.tags()));
        return AtelierCli.OK;
    }
}
