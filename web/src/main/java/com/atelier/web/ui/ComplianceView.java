package com.atelier.web.ui;

import com.atelier.governance.audit.AuditEntry;
import com.atelier.governance.audit.AuditExplorer;
import com.atelier.governance.audit.AuditSearch;
import com.atelier.governance.audit.ChainVerifier;
import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.failure.InvalidInputException;
import com.atelier.governance.asset.ProvenanceCheck;
import com.atelier.governance.workspace.WorkspaceDirectory;
import com.atelier.governance.workspace.WorkspaceMembership;
import com.atelier.web.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Backs the compliance page: audit trail search with paging, chain verification, CSV/JSON export links for the
 * current filters, and provenance verification of an uploaded image.
 */
@Named
@ViewScoped
public class ComplianceView implements Serializable {

    private static final long serialVersionUID = 1L;

    private Caller caller;
    private AuditExplorer explorer;
    private ProvenanceCheck provenance;
    private WorkspaceDirectory directory;

    private List<String> workspaces = List.of();
    private String actor;
    private String action;
    private String subjectId;
    private String workspace;
    private LocalDateTime from;
    private LocalDateTime to;
    private AuditSearch applied;
    private final AuditEntries entries = new AuditEntries();
    private List<ChainVerifier.ChainReport> chains;
    private String uploadedName;
    private ProvenanceCheck.Finding finding;

    protected ComplianceView() {
        // for CDI proxies
    }

    @Inject
    public ComplianceView(Caller caller, AuditExplorer explorer, ProvenanceCheck provenance,
                          WorkspaceDirectory directory) {
        this.caller = caller;
        this.explorer = explorer;
        this.provenance = provenance;
        this.directory = directory;
    }

    @PostConstruct
    void load() {
        workspaces = directory.visibleTo(caller.actor()).stream().map(WorkspaceMembership::slug).toList();
        applied = criteria(0, 1);
    }

    /** Applies the filters: the table reloads from the first page. */
    public void search() {
        try {
            applied = criteria(0, 1);
        } catch (InvalidInputException e) {
            Messages.error("audit-form:" + ("to".equals(e.field()) ? "to" : "from"), e.getMessage());
        }
    }

    public void verifyChain() {
        try {
            chains = explorer.verify(caller.actor(), Optional.ofNullable(blankToNull(workspace)));
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    public boolean isChainsIntact() {
        return chains != null && chains.stream().allMatch(ChainVerifier.ChainReport::intact);
    }

    public List<ChainVerifier.ChainReport> getBrokenChains() {
        return chains == null ? List.of() : chains.stream().filter(c -> !c.intact()).toList();
    }

    public long getEntriesChecked() {
        return chains == null ? 0 : chains.stream().mapToLong(ChainVerifier.ChainReport::entriesChecked).sum();
    }

    public String exportUrl(String format) {
        StringBuilder url = new StringBuilder(Links.api("/audit/export?format=" + format));
        Consumer<Map.Entry<String, String>> add = e -> url.append('&').append(e.getKey()).append('=')
                .append(Links.encode(e.getValue()));
        filters(applied).entrySet().forEach(add);
        return url.toString();
    }

    public void upload(FileUploadEvent event) {
        uploadedName = event.getFile().getFileName();
        try {
            finding = provenance.verify(caller.actor(), event.getFile().getContent());
        } catch (InvalidInputException e) {
            finding = null;
            Messages.error("provenance-form:file", e.getMessage());
        } catch (GovernanceException e) {
            finding = null;
            Messages.error(null, e.getMessage());
        }
    }

    /** The generation assertion in a stable order, for the verdict panel. */
    public List<Map.Entry<String, Object>> getGeneration() {
        return finding == null ? List.of() : new ArrayList<>(new TreeMap<>(finding.report().generation()).entrySet());
    }

    public String assetPage() {
        return finding.asset().map(a -> Links.assetPage(a.workspace().slug(), a.id().toString())).orElse(null);
    }

    private AuditSearch criteria(int page, int size) {
        return new AuditSearch(Optional.ofNullable(blankToNull(actor)), Optional.ofNullable(blankToNull(action)),
                Optional.empty(), Optional.ofNullable(blankToNull(subjectId)),
                Optional.ofNullable(blankToNull(workspace)), Optional.ofNullable(from).map(ComplianceView::utc),
                Optional.ofNullable(to).map(ComplianceView::utc), page, size);
    }

    private static Map<String, String> filters(AuditSearch search) {
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        search.actor().ifPresent(v -> filters.put("actor", v));
        search.action().ifPresent(v -> filters.put("action", v));
        search.subjectId().ifPresent(v -> filters.put("subjectId", v));
        search.workspace().ifPresent(v -> filters.put("workspace", v));
        search.from().ifPresent(v -> filters.put("from", v.toString()));
        search.to().ifPresent(v -> filters.put("to", v.toString()));
        return filters;
    }

    private static Instant utc(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The audit entries matching the applied filters, one page at a time, newest first. */
    public class AuditEntries extends LazyDataModel<AuditEntry> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, explorer.search(caller.actor(), page(0, 1)).total());
        }

        @Override
        public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                     Map<String, FilterMeta> filterBy) {
            int size = Math.min(pageSize, AuditSearch.MAX_SIZE);
            return explorer.search(caller.actor(), page(first / size, size)).items();
        }

        @Override
        public String getRowKey(AuditEntry entry) {
            return String.valueOf(entry.id());
        }

        private AuditSearch page(int page, int size) {
            return new AuditSearch(applied.actor(), applied.action(), applied.subjectType(), applied.subjectId(),
                    applied.workspace(), applied.from(), applied.to(), page, size);
        }
    }

    public AuditEntries getEntries() { return entries; }
    public List<String> getWorkspaces() { return workspaces; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getSubjectId() { return subjectId; }
    public void setSubjectId(String subjectId) { this.subjectId = subjectId; }
    public String getWorkspace() { return workspace; }
    public void setWorkspace(String workspace) { this.workspace = workspace; }
    public LocalDateTime getFrom() { return from; }
    public void setFrom(LocalDateTime from) { this.from = from; }
    public LocalDateTime getTo() { return to; }
    public void setTo(LocalDateTime to) { this.to = to; }
    public List<ChainVerifier.ChainReport> getChains() { return chains; }
    public String getUploadedName() { return uploadedName; }
    public ProvenanceCheck.Finding getFinding() { return finding; }
}
