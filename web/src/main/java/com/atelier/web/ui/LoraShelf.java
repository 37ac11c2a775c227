package com.atelier.web.ui;

import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.library.lora.BaseFamily;
import com.atelier.governance.library.lora.LoraFeedback;
import com.atelier.governance.library.lora.LoraLifecycle;
import com.atelier.governance.library.lora.NewLoraAdapter;
import com.atelier.governance.library.lora.TrainingProvenance;
import com.atelier.web.security.Caller;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The Libraries page's LoRA actions: create an adapter, upload a safetensors version (validated by the library:
 * header, tensors, rank, layer names against the base family), publish or deprecate a version, rate an adapter.
 * Who may do what is the library's rule; a refusal shows as a message.
 */
@Named
@ViewScoped
public class LoraShelf implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Caller caller;
    @Inject
    private LoraLifecycle loras;
    @Inject
    private LoraFeedback feedback;
    @Inject
    private LibraryView library;

    private String name = "";
    private String triggerWord = "";
    private String family = "sdxl";
    private String description = "";
    private Long uploadTo;

    public void create() {
        try {
            var adapter = loras.create(caller.actor(), library.getWorkspace(), new NewLoraAdapter(name, triggerWord,
                    BaseFamily.parse("family", family), description));
            Messages.info(null, "Created", "LoRA " + adapter.name() + " exists; upload its first version.");
            uploadTo = adapter.id();
            name = "";
            triggerWord = "";
            description = "";
            library.reload();
        } catch (GovernanceException e) {
            Messages.error("lora-form:lora-name", e.getMessage());
        }
    }

    /** The uploaded .safetensors file becomes a DRAFT version of the adapter chosen in {@code uploadTo}. */
    public void upload(FileUploadEvent event) {
        if (uploadTo == null) {
            Messages.error(null, "Choose the adapter the file is a version of.");
            return;
        }
        try {
            var version = loras.upload(caller.actor(), library.getWorkspace(), uploadTo, event.getFile().getContent(),
                    new TrainingProvenance(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            Messages.info(null, "Uploaded", "Version " + version.version() + " (rank " + version.rank() + ") is a"
                    + " DRAFT until a reviewer publishes it.");
            library.reload();
        } catch (GovernanceException e) {
            Messages.error(null, event.getFile().getFileName() + ": " + e.getMessage());
        }
    }

    public void publish(long adapterId, int version) {
        act(() -> loras.publish(caller.actor(), library.getWorkspace(), adapterId, version), "Published",
                "Version " + version + " can now be used in generations.");
    }

    public void deprecate(long adapterId, int version) {
        act(() -> loras.deprecate(caller.actor(), library.getWorkspace(), adapterId, version), "Deprecated",
                "Version " + version + " is no longer offered.");
    }

    public void rate(long adapterId, int stars) {
        act(() -> feedback.rate(caller.actor(), library.getWorkspace(), adapterId, stars, Optional.empty()), "Rated",
                stars + " stars recorded.");
    }

    private void act(Runnable action, String summary, String detail) {
        try {
            action.run();
            Messages.info(null, summary, detail);
            library.reload();
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    public List<String> getFamilies() { return BaseFamily.codes(); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTriggerWord() { return triggerWord; }
    public void setTriggerWord(String triggerWord) { this.triggerWord = triggerWord; }
    public String getFamily() { return family; }
    public void setFamily(String family) { this.family = family; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Long getUploadTo() { return uploadTo; }
    public void setUploadTo(Long uploadTo) { this.uploadTo = uploadTo; }
}
