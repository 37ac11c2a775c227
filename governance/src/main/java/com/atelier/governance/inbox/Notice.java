package com.atelier.governance.inbox;

/** What a service tells users about: the kind of notice, the object it is about and a sentence for the inbox. */
public record Notice(NoticeKind kind, String subjectType, String subjectId, String message) {
}
