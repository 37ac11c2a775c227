package com.atelier.web.ui;

import com.atelier.governance.failure.GovernanceException;
import com.atelier.governance.policy.BrandLogo;
import com.atelier.governance.policy.BrandLogos;
import com.atelier.web.security.Caller;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;

import java.io.Serializable;
import java.util.List;

/** The brand kit page's logos: shown to members, added and removed by the workspace's brand managers. */
@Named
@ViewScoped
public class BrandKitLogos implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private Caller caller;
    @Inject
    private BrandLogos logos;
    @Inject
    private BrandKitView kit;

    public List<BrandLogo> getLogos() {
        try {
            return kit.getWorkspace() == null ? List.of() : logos.of(caller.actor(), kit.getWorkspace());
        } catch (GovernanceException e) {
            return List.of();
        }
    }

    /** The uploaded file becomes a logo named after the file (without its extension). */
    public void upload(FileUploadEvent event) {
        String file = event.getFile().getFileName();
        String name = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
        try {
            logos.add(caller.actor(), kit.getWorkspace(), name, event.getFile().getContent());
            Messages.info(null, "Logo added", name + " is part of the brand kit.");
        } catch (GovernanceException e) {
            Messages.error(null, file + ": " + e.getMessage());
        }
    }

    public void remove(long logoId) {
        try {
            logos.remove(caller.actor(), kit.getWorkspace(), logoId);
            Messages.info(null, "Logo removed", "It is no longer part of the brand kit.");
        } catch (GovernanceException e) {
            Messages.error(null, e.getMessage());
        }
    }

    public String contentUrl(BrandLogo logo) {
        return jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/api/v1/workspaces/" + kit.getWorkspace() + "/brand-logos/" + logo.id() + "/content";
    }
}
