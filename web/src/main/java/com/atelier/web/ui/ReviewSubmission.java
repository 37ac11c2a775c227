package com.atelier.web.ui;

import com.atelier.governance.access.Permission;
import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.review.NewReviewRequest;
import com.atelier.governance.review.ReviewDesk;
import com.atelier.governance.review.ReviewRequest;
import com.atelier.governance.workspace.WorkspaceDirectory;
import com.atelier.web.security.Caller;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Backs the "Submit for review" dialog of the Generate page: which results go, the title, the reviewers (the
 * workspace's members whose role may approve) and an optional due date; the review desk does the rest.
 */
@Named
@ViewScoped
public class ReviewSubmission implements Serializable {

    private static final long serialVersionUID = 1L;

    private Caller caller;
    private ReviewDesk desk;
    private WorkspaceDirectory directory;
    private GenerateView generate;

    private final Map<UUID, Boolean> ticked = new LinkedHashMap<>();
    private String title = "";
    private List<String> reviewers = new ArrayList<>();
    private LocalDate dueOn;
    private List<String> candidates = List.of();

    protected ReviewSubmission() {
        // for CDI proxies
    }

    @Inject
    public ReviewSubmission(Caller caller, ReviewDesk desk, WorkspaceDirectory directory, GenerateView generate) {
        this.caller = caller;
        this.desk = desk;
        this.directory = directory;
        this.generate = generate;
    }

    /** The results ticked for the next submission, by asset id (bound to each result's checkbox). */
    public Map<UUID, Boolean> getTicked() {
        return ticked;
    }

    private List<UUID> chosen() {
        return ticked.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey)
                .toList();
    }

    /** Opens the dialog for one result, or for every ticked result when asset is null. */
    public void open(UUID asset) {
        if (asset != null) {
            ticked.clear();
            ticked.put(asset, true);
        }
        if (chosen().isEmpty()) {
            Messages.error(null, "Tick at least one image first, or use the Submit button under an image.");
            PrimeFaces.current().ajax().update(":results");
            return;
        }
        candidates = directory.membersWhoMay(caller.actor(), generate.getWorkspace(), Permission.APPROVE).stream()
                .filter(user -> !user.equals(caller.actor().userId()))
                .toList();
        reviewers.retainAll(candidates);
        if (title.isBlank()) {
            title = abbreviate(generate.getPrompt());
        }
        PrimeFaces.current().executeScript("PF('submitDialog').show()");
    }

    public void submit() {
        try {
            List<UUID> assets = chosen();
            ReviewRequest review = desk.submit(caller.actor(), generate.getWorkspace(),
                    new NewReviewRequest(title, Optional.ofNullable(dueOn), reviewers, assets));
            Messages.info(null, "Submitted for review", assets.size() + (assets.size() == 1 ? " image" : " images")
                    + " sent to " + String.join(", ", review.reviewers()) + ": \"" + review.title() + "\".");
            ticked.clear();
            title = "";
            dueOn = null;
            generate.refresh();
            PrimeFaces.current().ajax().update(":results");
            PrimeFaces.current().executeScript("PF('submitDialog').hide()");
        } catch (InvalidInputException e) {
            Messages.error(fieldId(e.field()), e.getMessage());
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    private static String fieldId(String field) {
        return switch (field) {
            case "title", "reviewers", "dueOn" -> "submit-form:" + field;
            default -> null;
        };
    }

    private static String abbreviate(String prompt) {
        String text = prompt == null ? "" : prompt.strip();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    public int getChosenCount() { return chosen().size(); }
    public List<String> getCandidates() { return candidates; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public List<String> getReviewers() { return reviewers; }
    public void setReviewers(List<String> reviewers) { this.reviewers = reviewers; }
    public LocalDate getDueOn() { return dueOn; }
    public void setDueOn(LocalDate dueOn) { this.dueOn = dueOn; }
    public LocalDate getToday() { return LocalDate.now(); }
}
