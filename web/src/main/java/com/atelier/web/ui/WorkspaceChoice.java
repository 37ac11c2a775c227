package com.atelier.web.ui;

import com.atelier.governance.workspace.WorkspaceMembership;
import jakarta.faces.context.FacesContext;

import java.util.List;

/**
 * Which workspace a page opens on: the one a link names ({@code ?ws=slug}) if the user may see it, otherwise the
 * first one the user is a member of, otherwise the first one visible (compliance and admin see all).
 */
final class WorkspaceChoice {

    private WorkspaceChoice() {
    }

    static String of(List<WorkspaceMembership> visible) {
        String asked = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("ws");
        return visible.stream().map(WorkspaceMembership::slug).filter(s -> s.equals(asked)).findFirst()
                .orElseGet(() -> visible.stream().filter(w -> w.role().isPresent()).map(WorkspaceMembership::slug)
                        .findFirst().orElse(visible.isEmpty() ? null : visible.get(0).slug()));
    }
}
