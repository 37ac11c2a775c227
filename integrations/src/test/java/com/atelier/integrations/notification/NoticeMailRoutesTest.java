package com.atelier.integrations.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeMailRoutesTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void aNoticeIsMailedToTheUserWithALinkToTheAsset() throws Exception {
        NoticeMail mail = NoticeMail.of("%s@acme.example", "https://atelier.acme.example", "designer", "brand-studio",
                "DECISION_MADE", "asset", "4f1c", "art-director requested changes to an asset of 'Spring tote'");
        try (var camel = new DefaultCamelContext()) {
            camel.addRoutes(new NoticeMailRoutes("smtp://127.0.0.1:" + SMTP.getSmtp().getPort(), "atelier@acme.example"));
            camel.start();
            camel.createProducerTemplate().sendBodyAndHeaders(NoticeMailRoutes.ENTRY, mail.body(), mail.headers());

            assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        }
        MimeMessage received = SMTP.getReceivedMessages()[0];
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("designer@acme.example");
        assertThat(received.getFrom()[0].toString()).isEqualTo("atelier@acme.example");
        assertThat(received.getSubject()).isEqualTo("[Atelier · brand-studio] Review decision");
        assertThat(GreenMailUtil.getBody(received)).contains("requested changes",
                "https://atelier.acme.example/app/asset.xhtml?ws=brand-studio&id=4f1c");
    }

    @Test
    void mentionsAndReviewRequestsHaveTheirOwnSubjects() {
        assertThat(NoticeMail.of("%s@x", "http://p", "ada", "ws", "MENTION", "asset", "1", "hi").subject())
                .endsWith("You were mentioned");
        assertThat(NoticeMail.of("%s@x", "http://p", "ada", "ws", "REVIEW_REQUESTED", "review", "1", "hi").body())
                .contains("http://p/app/inbox.xhtml");
    }
}
