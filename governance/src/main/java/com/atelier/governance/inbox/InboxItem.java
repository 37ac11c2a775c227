package com.atelier.governance.inbox;

import com.atelier.governance.workspace.Workspace;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One notice in a user's in-app inbox: what happened, about which object, and whether it was read. */
@Entity
@Table(name = "inbox_item")
public class InboxItem {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private String userId;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "workspace_id", nullable = false, updatable = false)
    private Workspace workspace;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false)
    private NoticeKind kind;

    @Column(name = "subject_type", nullable = false, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;

    @Column(name = "message", nullable = false, updatable = false)
    private String message;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected InboxItem() {
        // for JPA
    }

    InboxItem(String userId, Workspace workspace, Notice notice, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.workspace = workspace;
        this.kind = notice.kind();
        this.subjectType = notice.subjectType();
        this.subjectId = notice.subjectId();
        this.message = notice.message().length() > 1000 ? notice.message().substring(0, 997) + "..."
                : notice.message();
        this.createdAt = createdAt;
    }

    void markRead(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public UUID id() { return id; }
    public String userId() { return userId; }
    public String workspace() { return workspace.slug(); }
    public NoticeKind kind() { return kind; }
    public String subjectType() { return subjectType; }
    public String subjectId() { return subjectId; }
    public String message() { return message; }
    public Instant createdAt() { return createdAt; }
    public Optional<Instant> readAt() { return Optional.ofNullable(readAt); }
}
