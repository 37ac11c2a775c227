package com.atelier.web.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Puts a message next to a field (its client id) or, with a null id, at the top of the page. */
final class Messages {

    private Messages() {
    }

    static void error(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text, text);
    }

    static void info(String clientId, String summary, String detail) {
        add(clientId, FacesMessage.SEVERITY_INFO, summary, detail);
    }

    private static void add(String clientId, FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, summary, detail));
    }
}
