package com.atelier.sdk.cli;

import com.atelier.sdk.AtelierClient;
import com.atelier.sdk.asset.Asset;
import com.atelier.sdk.generation.GenerationRequest;
import com.atelier.sdk.generation.Job;
import com.atelier.sdk.generation.SubmitMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code atelier generate}: submit, wait, download every image to a folder and print what was made. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Submit a generation, wait for it and save its images as <model>-<position>-<seed>.png.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = {"-w", "--workspace"}, required = true, description = "Workspace slug.")
    private String workspace;

    @Option(names = {"-m", "--model"}, required = true,
            description = "Model; repeat it to compare several models side by side.")
    private List<String> models;

    @Option(names = {"-p", "--prompt"}, required = true, description = "What to draw.")
    private String prompt;

    @Option(names = "--negative-prompt", description = "What to keep out of the image.")
    private String negativePrompt;

    @Option(names = "--lora", paramLabel = "NAME=WEIGHT", description = "A LoRA adapter and its weight; repeatable.")
    private Map<String, Float> loras = new LinkedHashMap<>();

    @Option(names = {"-n", "--count"}, description = "Images per model (server default 1).")
    private Integer count;

    @Option(names = "--seed", description = "Image i gets seed + i (server default: random).")
    private Long seed;

    @Option(names = "--width", description = "Pixels (server default 1024).")
    private Integer width;

    @Option(names = "--height", description = "Pixels (server default 1024).")
    private Integer height;

    @Option(names = "--steps", description = "Denoising steps (model default).")
    private Integer steps;

    @Option(names = "--guidance", description = "Classifier-free guidance scale (model default).")
    private Float guidance;

    @Option(names = "--scheduler", description = "Sampler, e.g. euler (model default).")
    private String scheduler;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Folder for the images.")
    private Path out;

    @Option(names = "--sync", description = "Let the server wait for the images (up to its 60 s deadline).")
    private boolean sync;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long to wait for the job (default ${DEFAULT-VALUE} s).")
    private long timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        PrintWriter print = spec.commandLine().getOut();
        AtelierClient atelier = connection.connect();
        Job job = atelier.generations().submit(workspace, request(), sync ? SubmitMode.SYNC : SubmitMode.ASYNC);
        print.printf("Submitted job %s to %s%n", job.id(), workspace);
        job = atelier.generations().awaitCompletion(job, Duration.ofSeconds(timeoutSeconds));
        JobReport.print(job, print);
        if (!job.succeeded()) {
            return AtelierCli.JOB_FAILED;
        }
        Files.createDirectories(out);
        int saved = 0;
        for (Asset asset : job.assets()) {
            if (asset.blocked()) {
                // a blocked image is kept for review in the portal but is not handed out
                continue;
            }
            Path file = out.resolve(AssetFiles.fileName(asset));
            // full resolution leaves the portal only after approval; until then a pipeline gets the working copy
            Files.write(file, asset.approved() ? atelier.assets().content(asset) : atelier.assets().preview(asset));
            print.println("Saved " + file + (asset.approved() ? "" : " (preview; full resolution once approved)"));
            saved++;
        }
        print.printf("%d image(s) saved to %s, %d blocked%n", saved, out, job.assets().size() - saved);
        return AtelierCli.OK;
    }

    private GenerationRequest request() {
        GenerationRequest.Builder request = GenerationRequest.builder().models(models).prompt(prompt)
                .negativePrompt(negativePrompt).scheduler(scheduler);
        loras.forEach(request::lora);
        return request.count(count).seed(seed).width(width).height(height).steps(steps).guidance(guidance).build();
    }
}
