package com.atelier.governance.audit;

import com.atelier.governance.failure.InvalidInputException;

import java.time.Instant;
import java.util.Optional;

/** What compliance staff look for in the audit trail; every filter is optional, paging is not. */
public record AuditSearch(Optional<String> actor, Optional<String> action, Optional<String> subjectType,
                          Optional<String> subjectId, Optional<String> workspace, Optional<Instant> from,
                          Optional<Instant> to, int page, int size) {

    public static final int MAX_SIZE = 200;

    public AuditSearch {
        if (page < 0) {
            throw new InvalidInputException("page", "page starts at 0.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "size is between 1 and " + MAX_SIZE + ".");
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new InvalidInputException("from", "from must be before to.");
        }
    }

    /** The chain the search is confined to, if a workspace was named. */
    public Optional<String> chain() {
        return workspace.map(ws -> "workspace:" + ws);
    }
}
