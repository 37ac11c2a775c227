package com.atelier.sdk.workspace;

import java.util.List;

/** Who the token says the caller is: Keycloak user id, realm roles and visible workspaces. */
public record Me(String userId, List<String> roles, List<Workspace> workspaces) {

    public Me {
        roles = roles == null ? List.of() : List.copyOf(roles);
        workspaces = workspaces == null ? List.of() : List.copyOf(workspaces);
    }
}
