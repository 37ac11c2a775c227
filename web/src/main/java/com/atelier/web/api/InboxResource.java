package com.atelier.web.api;

import com.atelier.governance.inbox.Inbox;
import com.atelier.governance.inbox.InboxItem;
import com.atelier.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** /api/v1/inbox: the caller's notices (review requested, decision made, mention). */
@Path("/inbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private Caller caller;
    private Inbox inbox;

    public InboxResource() {
        // for CDI proxies
    }

    @Inject
    public InboxResource(Caller caller, Inbox inbox) {
        this.caller = caller;
        this.inbox = inbox;
    }

    public record NoticeView(String id, String workspace, String kind, String subjectType, String subjectId,
                             String message, Instant createdAt, Instant readAt) {
        static NoticeView of(InboxItem i) {
            return new NoticeView(i.id().toString(), i.workspace(), i.kind().name(), i.subjectType(), i.subjectId(),
                    i.message(), i.createdAt(), i.readAt().orElse(null));
        }
    }

    public record InboxView(long unread, List<NoticeView> items) {
    }

    @GET
    public InboxView list(@QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
                          @QueryParam("limit") @DefaultValue("50") int limit) {
        var actor = caller.actor();
        return new InboxView(inbox.unread(actor),
                inbox.of(actor, unreadOnly, limit).stream().map(NoticeView::of).toList());
    }

    @POST
    @Path("/{id}/read")
    public NoticeView read(@PathParam("id") UUID id) {
        return NoticeView.of(inbox.markRead(caller.actor(), id));
    }
}
