package uk.gov.inspectorates.portal.deploy.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.deploy.it.ReportMetadata.aReport;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.storage.calendar.GovUkBankHolidays;

/**
 * E-mail notices on the real deployment: the portal's delivery worker sends what its services queue to a real SMTP
 * server (GreenMail, started by {@link PortalTestEnvironmentListener}), with the fixed wording, the cleaned title and
 * the link only, and audits each send.
 */
class NotificationIT extends PortalDeployment {

    private URI portal() {
        return URI.create(base.toString());
    }

    private static List<String> sendAuditsFor(String linkEnd) throws Exception {
        try (Connection connection = TestEnvironment.openConnection();
             PreparedStatement query = connection.prepareStatement("select a.outcome || ' ' || a.detail"
                     + " from audit_event a join notification_outbox n on a.resource_id = n.seq::text"
                     + " where a.action = 'NOTIFICATION_SEND' and a.resource_type = 'NOTIFICATION'"
                     + " and n.link like ? order by a.seq")) {
            query.setString(1, "%" + linkEnd);
            try (ResultSet rows = query.executeQuery()) {
                List<String> audits = new ArrayList<>();
                while (rows.next()) {
                    audits.add(rows.getString(1));
                }
                return audits;
            }
        }
    }

    @Test
    void aSharedReportIsEmailedToTheReaderListOfEachAddressedPartyWithItsCleanedTitleAndLinkOnly() throws Exception {
        PortalApi inspector = PortalApi.signedIn(portal(), "ofsted.inspector");
        HttpResponse<String> shared = inspector.shareReport(aReport().titled("Northdale findings case 7654321")
                .addressedTo("HMIC").json(), "report.pdf", TestPdf.withText("REPORT BODY SECRET 31337"));
        assertEquals(201, shared.statusCode(), shared.body());
        String link = "/reports/" + PortalApi.idOf(shared.body());

        MimeMessage mail = Mailbox.await("to HMIC's reader", Mailbox.to("hmic.reader@demo.invalid", link));

        String body = (String) mail.getContent();
        assertEquals("Pre-publication report shared with you", mail.getSubject());
        assertEquals(TestEnvironment.MAIL_FROM, mail.getFrom()[0].toString());
        assertTrue(body.contains("Report: Northdale findings case [removed]"), body);
        assertFalse(body.contains("7654321") || body.contains("SECRET"), body);
        assertTrue(mail.isMimeType("text/plain"));
        for (MimeMessage other : TestEnvironment.mail().getReceivedMessages()) {
            if (((String) other.getContent()).contains(link)) {
                assertEquals("hmic.reader@demo.invalid", other.getAllRecipients()[0].toString(),
                        "only the addressed party's reader list");
            }
        }
        List<String> audits = sendAuditsFor(link);
        assertEquals(1, audits.size(), audits.toString());
        assertTrue(audits.get(0).startsWith("SUCCEEDED REPORT_SHARED to hmic.reader@demo.invalid; handed to smtp"),
                audits.get(0));
    }

    @Test
    void aNewInformationRequestIsEmailedToTheAgencysUploadersWithItsTitleAndPageOnly() throws Exception {
        String notifiedOn = new WorkingDayCalendar(GovUkBankHolidays.shipped())
                .plusWorkingDays(LocalDate.now(WorkingDayCalendar.UK), -1).toString();
        HttpResponse<String> opened = PortalApi.signedIn(portal(), "ofsted.lead").postJson("/api/v1/inspections",
                "{\"localAuthorityArea\":\"northdale\",\"theme\":\"Children missing from home, care or education\","
                        + "\"notifiedOn\":\"" + notifiedOn + "\",\"inspectorates\":[\"OFSTED\",\"HMIC\"],"
                        + "\"leadInspectorate\":\"OFSTED\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        String inspection = PortalApi.idOf(opened.body());
        HttpResponse<String> made = PortalApi.signedIn(portal(), "hmic.inspector").postJson("/api/v1/inspections/"
                + inspection + "/requests", "{\"agency\":\"" + DemoDirectory.POLICE_ID + "\",\"title\":\"Case"
                + " records for 7654321\",\"description\":\"Missing episodes of child 7654321 at Elm Street\","
                + "\"items\":[\"KEY_CASE_FILE_DOCUMENTS\"]}");
        assertEquals(201, made.statusCode(), made.body());
        String link = "/inspections/" + inspection + "/requests/" + PortalApi.idOf(made.body());

        MimeMessage mail = Mailbox.await("to the police's uploader", Mailbox.to("police.uploader@demo.invalid", link));

        assertEquals("New information request", mail.getSubject());
        String body = Mailbox.body(mail);
        assertTrue(body.contains("Request: Case records for [removed]"), body);
        assertFalse(body.contains("7654321") || body.contains("Elm Street") || body.contains("Missing episodes"),
                body);
    }

    @Test
    void anInvitationArrivesByEmailWithALinkThatOpensTheAccountSetUp() throws Exception {
        String email = "notice." + UUID.randomUUID().toString().substring(0, 8) + "@northdale.example";
        PortalApi admin = PortalApi.signedIn(portal(), "ofsted.admin");
        HttpResponse<String> invited = admin.postForm("/admin/invitations", "displayName", "Nia Notice", "email",
                email, "organisation", DemoDirectory.agencies().get(0).id(), "roles", "AGENCY_UPLOADER");
        assertEquals(302, invited.statusCode(), invited.body());

        MimeMessage mail = Mailbox.await("to the invitee", Mailbox.to(email, "/invitations/"));

        assertEquals("You have been invited to the inspectorates' portal", mail.getSubject());
        String link = Mailbox.linkSentTo(email, "/invitations/");
        // once sent, the one-time link is erased from the outbox (marked just after the relay took the message)
        TestEnvironment.awaitCount("select count(*) from notification_outbox where recipient = ?"
                + " and kind = 'ACCOUNT_INVITATION' and link = '' and body = '' and sent_at is not null", 1,
                Duration.ofSeconds(10), email);
        HttpResponse<String> opened = PortalApi.anonymous(portal()).get(URI.create(link).getPath());
        assertEquals(200, opened.statusCode());
        assertTrue(opened.body().contains("Create your account"), "the e-mailed link is the invitation's");
    }
}
