package com.atelier.integrations.notification;

import java.util.Locale;
import java.util.Map;

/**
 * An inbox notice as an e-mail: who gets it, the subject and a plain-text body with a link back to the portal.
 * Recipients are derived from the Keycloak user name with a configured pattern (e.g. {@code %s@acme.example}).
 */
public record NoticeMail(String to, String subject, String body) {

    public static NoticeMail of(String recipientPattern, String portalUrl, String user, String workspace, String kind,
                                String subjectType, String subjectId, String message) {
        String link = "asset".equals(subjectType)
                ? portalUrl + "/app/asset.xhtml?ws=" + workspace + "&id=" + subjectId
                : portalUrl + "/app/inbox.xhtml";
        String title = switch (kind) {
            case "REVIEW_REQUESTED" -> "Review requested";
            case "DECISION_MADE" -> "Review decision";
            case "MENTION" -> "You were mentioned";
            default -> kind.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
        return new NoticeMail(String.format(recipientPattern, user), "[Atelier · " + workspace + "] " + title,
                message + "\n\n" + link + "\n\n-- \nAtelier: you get this because notices are mailed in this portal.\n");
    }

    /** The headers {@link NoticeMailRoutes} turns into the recipient, the subject and the content type. */
    public Map<String, Object> headers() {
        return Map.of(NoticeMailRoutes.RECIPIENT, to, NoticeMailRoutes.SUBJECT, subject);
    }
}
