package com.atelier.governance.library.prompt;

import com.atelier.governance.access.Actor;
import com.atelier.governance.access.Permission;
import com.atelier.governance.audit.AuditEvent;
import com.atelier.governance.audit.AuditTrail;
import com.atelier.governance.failure.ConflictException;
import com.atelier.governance.failure.NotFoundException;
import com.atelier.governance.digest.Sha256;
import com.atelier.governance.workspace.Workspace;
import com.atelier.governance.workspace.WorkspaceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import com.atelier.governance.json.Jsonp;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The shared prompt library of a workspace: creates templates, adds a version for every edit and rollback, finds,
 * diffs and renders them, and counts their use. Members who may generate may write; everyone who may see the
 * workspace may read and render. Every change is audited in the same transaction.
 */
@ApplicationScoped
public class PromptTemplates {

    private EntityManager entityManager;
    private WorkspaceDirectory directory;
    private AuditTrail auditTrail;
    private Clock clock;

    protected PromptTemplates() {
        // for CDI proxies
    }

    @Inject
    public PromptTemplates(EntityManager entityManager, WorkspaceDirectory directory, AuditTrail auditTrail,
                           Clock clock) {
        this.entityManager = entityManager;
        this.directory = directory;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Transactional
    public PromptTemplateVersion create(Actor actor, String workspaceSlug, TemplateContent content) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.GENERATE);
        requireFreeName(workspace, content.name(), null);
        PromptTemplate template = new PromptTemplate(workspace, content.name(), now(), actor.userId());
        entityManager.persist(template);
        PromptTemplateVersion version = addVersion(template, content, actor, Optional.empty());
        audit(actor, workspaceSlug, "prompt-template.created", version, summary(version));
        return version;
    }

    /**
     * Adds a version with the new content. An edit that changes nothing adds nothing and returns the latest version.
     *
     * @param expectedVersion the version the editor started from ({@code If-Match}); stale → {@link ConflictException}
     */
    @Transactional
    public PromptTemplateVersion edit(Actor actor, String workspaceSlug, long templateId, TemplateContent content,
                                      Optional<Integer> expectedVersion) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.GENERATE);
        PromptTemplate template = lockedTemplate(workspace, templateId);
        if (expectedVersion.isPresent() && expectedVersion.get() != template.latestVersion()) {
            throw new ConflictException("Template " + templateId + " is at version " + template.latestVersion()
                    + ", not " + expectedVersion.get() + "; someone edited it meanwhile. Load version "
                    + template.latestVersion() + ", merge your change and save again.");
        }
        PromptTemplateVersion latest = version(template, template.latestVersion());
        if (latest.content().equals(content)) {
            return latest;
        }
        requireFreeName(workspace, content.name(), template);
        PromptTemplateVersion version = addVersion(template, content, actor, Optional.empty());
        audit(actor, workspaceSlug, "prompt-template.edited", version, summary(version)
                .add("before", latest.version()));
        return version;
    }

    /** Adds a version equal to an old one; the history keeps everything in between. */
    @Transactional
    public PromptTemplateVersion rollback(Actor actor, String workspaceSlug, long templateId, int toVersion) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.GENERATE);
        PromptTemplate template = lockedTemplate(workspace, templateId);
        PromptTemplateVersion target = existingVersion(template, toVersion, "to");
        if (toVersion == template.latestVersion()) {
            throw new ConflictException("Version " + toVersion + " is already the latest version of template "
                    + templateId + ".");
        }
        requireFreeName(workspace, target.content().name(), template);
        PromptTemplateVersion version = addVersion(template, target.content(), actor, Optional.of(toVersion));
        audit(actor, workspaceSlug, "prompt-template.rolled-back", version, summary(version)
                .add("restored", toVersion));
        return version;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PromptTemplatePage find(Actor actor, String workspaceSlug, PromptTemplateQuery query) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        StringBuilder where = new StringBuilder(" FROM PromptTemplate t, PromptTemplateVersion v"
                + " WHERE v.template = t AND v.version = t.latestVersion AND t.workspace = :ws");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("ws", workspace);
        query.text().ifPresent(text -> {
            where.append(" AND (lower(t.name) LIKE :text ESCAPE '\\' OR lower(v.text) LIKE :text ESCAPE '\\')");
            parameters.put("text", "%" + text.toLowerCase().replaceAll("([\\\\%_])", "\\\\$1") + "%");
        });
        query.tag().ifPresent(tag -> {
            where.append(" AND :tag MEMBER OF t.tags");
            parameters.put("tag", tag);
        });
        String order = switch (query.order()) {
            case USAGE -> " ORDER BY t.useCount DESC, t.name";
            case RECENT -> " ORDER BY t.updatedAt DESC, t.name";
            case NAME -> " ORDER BY lower(t.name), t.id";
        };
        TypedQuery<Long> count = entityManager.createQuery("SELECT count(t)" + where, Long.class);
        TypedQuery<PromptTemplateVersion> items = entityManager.createQuery("SELECT v" + where + order,
                PromptTemplateVersion.class);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            items.setParameter(name, value);
        });
        return new PromptTemplatePage(items.setFirstResult(query.page() * query.size()).setMaxResults(query.size())
                .getResultList(), query.page(), query.size(), count.getSingleResult());
    }

    /** The latest version of a template. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PromptTemplateVersion latest(Actor actor, String workspaceSlug, long templateId) {
        PromptTemplate template = template(actor, workspaceSlug, templateId);
        return version(template, template.latestVersion());
    }

    /** All versions, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PromptTemplateVersion> versions(Actor actor, String workspaceSlug, long templateId) {
        PromptTemplate template = template(actor, workspaceSlug, templateId);
        return entityManager.createQuery("SELECT v FROM PromptTemplateVersion v WHERE v.template = :t"
                        + " ORDER BY v.version DESC", PromptTemplateVersion.class)
                .setParameter("t", template)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PromptTemplateVersion version(Actor actor, String workspaceSlug, long templateId, int version) {
        return existingVersion(template(actor, workspaceSlug, templateId), version, "version");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateDiff diff(Actor actor, String workspaceSlug, long templateId, int from, int to) {
        PromptTemplate template = template(actor, workspaceSlug, templateId);
        return TemplateDiff.between(from, existingVersion(template, from, "from").content(), to,
                existingVersion(template, to, "to").content());
    }

    /**
     * Renders a version (the latest when none is named) with the caller's variables. The generation desk calls this
     * for template-based requests and records the returned {@code versionId} with the job.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RenderedPrompt render(Actor actor, String workspaceSlug, long templateId, Optional<Integer> version,
                                 Map<String, String> variables) {
        PromptTemplate template = template(actor, workspaceSlug, templateId);
        PromptTemplateVersion chosen = existingVersion(template, version.orElse(template.latestVersion()),
                "version");
        TemplateContent content = chosen.content();
        TemplateContent.Filled filled = content.render(variables);
        return new RenderedPrompt(template.id(), chosen.version(), chosen.id(), filled.prompt(),
                filled.negativePrompt(), content.defaultModel(), content.steps(), content.guidance(),
                content.width(), content.height());
    }

    /**
     * Counts one use of a template version by a generation; the generation desk calls it in the transaction that
     * accepts the job. Not audited separately: the job's own audit entry is the record.
     */
    @Transactional
    public void recordUse(long templateVersionId, Optional<UUID> jobId) {
        PromptTemplateVersion version = entityManager.find(PromptTemplateVersion.class, templateVersionId);
        if (version == null) {
            throw new NotFoundException("No prompt template version " + templateVersionId + ".");
        }
        entityManager.persist(new PromptTemplateUse(version, jobId.orElse(null), now()));
        // one statement, so concurrent uses never lose a count
        entityManager.createNativeQuery("UPDATE prompt_template SET use_count = use_count + 1 WHERE id = ?1")
                .setParameter(1, version.template().id())
                .executeUpdate();
    }

    private PromptTemplate template(Actor actor, String workspaceSlug, long templateId) {
        Workspace workspace = directory.access(actor, workspaceSlug, Permission.VIEW_WORKSPACE);
        return templateIn(workspace, templateId, LockModeType.NONE);
    }

    private PromptTemplate lockedTemplate(Workspace workspace, long templateId) {
        return templateIn(workspace, templateId, LockModeType.PESSIMISTIC_WRITE);
    }

    private PromptTemplate templateIn(Workspace workspace, long templateId, LockModeType lock) {
        PromptTemplate template = entityManager.find(PromptTemplate.class, templateId, lock);
        if (template == null || !template.workspace().id().equals(workspace.id())) {
            throw new NotFoundException("No prompt template " + templateId + " in workspace '" + workspace.slug()
                    + "'.");
        }
        return template;
    }

    private PromptTemplateVersion existingVersion(PromptTemplate template, int version, String field) {
        if (version < 1 || version > template.latestVersion()) {
            throw new NotFoundException("Template " + template.id() + " has versions 1 to " + template.latestVersion()
                    + "; there is no version " + version + " (" + field + ").");
        }
        return version(template, version);
    }

    private PromptTemplateVersion version(PromptTemplate template, int version) {
        return entityManager.createQuery("SELECT v FROM PromptTemplateVersion v WHERE v.template = :t"
                        + " AND v.version = :n", PromptTemplateVersion.class)
                .setParameter("t", template)
                .setParameter("n", version)
                .getSingleResult();
    }

    private PromptTemplateVersion addVersion(PromptTemplate template, TemplateContent content, Actor actor,
                                             Optional<Integer> rolledBackFrom) {
        Instant at = now();
        int number = template.latestVersion() + 1;
        PromptTemplateVersion version = new PromptTemplateVersion(template, number, content, actor.userId(), at,
                rolledBackFrom);
        entityManager.persist(version);
        template.advanceTo(number, content, at);
        return version;
    }

    private void requireFreeName(Workspace workspace, String name, PromptTemplate self) {
        boolean taken = entityManager.createQuery("SELECT t FROM PromptTemplate t WHERE t.workspace = :ws"
                        + " AND t.name = :name", PromptTemplate.class)
                .setParameter("ws", workspace)
                .setParameter("name", name)
                .getResultStream()
                .anyMatch(t -> self == null || !t.id().equals(self.id()));
        if (taken) {
            throw new ConflictException("Workspace '" + workspace.slug() + "' already has a prompt template named '"
                    + name + "'; choose another name or edit that template.");
        }
    }

    private void audit(Actor actor, String workspaceSlug, String action, PromptTemplateVersion version,
                       JsonObjectBuilder summary) {
        auditTrail.append(AuditEvent.inWorkspace(actor, workspaceSlug, action, "prompt-template",
                version.template().id().toString(), summary.build().toString()));
    }

    /** What the audit keeps: the version and fingerprints of the texts, never the texts themselves. */
    private static JsonObjectBuilder summary(PromptTemplateVersion version) {
        TemplateContent content = version.content();
        return Jsonp.createObjectBuilder()
                .add("name", content.name())
                .add("version", version.version())
                .add("textSha256", Sha256.hex(content.text()))
                .add("negativePromptSha256", Sha256.hex(content.negativePrompt()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
