package com.atelier.web.ui;

import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.library.training.ReferenceImage;
import com.atelier.governance.library.training.TrainingParameters;
import com.atelier.governance.library.training.TrainingRun;
import com.atelier.governance.library.training.TrainingRuns;
import com.atelier.web.security.Caller;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The Libraries page's training form: reference images collected one upload at a time, rank, steps, learning-rate
 * preset and trigger word, then a training run (a Jakarta Batch job) whose progress the page shows.
 */
@Named
@ViewScoped
public class LoraTraining implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Caller caller;
    @Inject
    private TrainingRuns runs;
    @Inject
    private LibraryView library;

    private Long adapterId;
    private final List<byte[]> images = new ArrayList<>();
    private final List<String> imageNames = new ArrayList<>();
    private int rank = 16;
    private int steps = 1000;
    private String learningRate = "medium";
    private String triggerWord = "";
    private UUID runId;
    private TrainingRun run;

    /** Keeps an uploaded image for the run, unless the run could not take it (the view holds at most a run's worth). */
    public void addImage(FileUploadEvent event) {
        String name = event.getFile().getFileName();
        if (images.size() >= ReferenceImage.MAX_IMAGES) {
            Messages.error(null, "A training run takes at most " + ReferenceImage.MAX_IMAGES + " images; " + name
                    + " was not added. Clear the images to start again.");
            return;
        }
        byte[] content = event.getFile().getContent();
        try {
            ReferenceImage.check("image", content);
        } catch (InvalidInputException e) {
            Messages.error(null, name + ": " + e.getMessage());
            return;
        }
        images.add(content);
        imageNames.add(name);
    }

    public void clearImages() {
        images.clear();
        imageNames.clear();
    }

    public void start() {
        if (adapterId == null) {
            Messages.error("training-form:train-adapter", "Choose the adapter to train.");
            return;
        }
        try {
            TrainingParameters parameters = new TrainingParameters(rank, steps,
                    TrainingParameters.LearningRate.of(learningRate), triggerWord);
            run = runs.start(caller.actor(), library.getWorkspace(), adapterId, parameters, List.copyOf(images));
            runId = run.id();
            clearImages();
            Messages.info(null, "Training started", "Run " + runId + " prepares the dataset, then trains.");
        } catch (InvalidInputException e) {
            Messages.error(null, e.getMessage());
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    /** Reads the run's state again (the page polls while it runs). */
    public void refresh() {
        if (runId != null) {
            run = runs.run(caller.actor(), library.getWorkspace(), runId);
            if (!isRunning()) {
                library.reload();
            }
        }
    }

    public boolean isRunning() {
        return run != null && !run.state().name().equals("SUCCEEDED") && !run.state().name().equals("FAILED");
    }

    public Long getAdapterId() { return adapterId; }
    public void setAdapterId(Long adapterId) { this.adapterId = adapterId; }
    public List<String> getImageNames() { return imageNames; }
    public int getRank() { return rank; }
    public void setRank(int rank) { this.rank = rank; }
    public int getSteps() { return steps; }
    public void setSteps(int steps) { this.steps = steps; }
    public String getLearningRate() { return learningRate; }
    public void setLearningRate(String learningRate) { this.learningRate = learningRate; }
    public String getTriggerWord() { return triggerWord; }
    public void setTriggerWord(String triggerWord) { this.triggerWord = triggerWord; }
    public TrainingRun getRun() { return run; }
}
