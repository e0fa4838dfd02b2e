package uk.gov.inspectorates.portal.core.notification;

import java.util.EnumMap;
import java.util.Map;

/**
 * The fixed wording of every kind of notice. An e-mail says what kind of thing happened, the cleaned title where
 * the kind shows one, and the link: nothing else from the act reaches it, so no document content and no child
 * identifier can. Referrals show no title at all: whatever names a referral is about a child.
 */
public final class NoticeTemplates {

    private record Template(String subject, String opening, String titleLabel, String action) {
    }

    private static final String FOOTER = "This message holds no document content: sign in to the portal to see"
            + " it.\nThis is an automatic message from the inspectorates' secure portal. Do not reply to it.";

    private static final Map<NoticeKind, Template> TEMPLATES = new EnumMap<>(NoticeKind.class);

    static {
        TEMPLATES.put(NoticeKind.NEW_REQUEST, new Template("New information request",
                "An inspectorate has asked your organisation for information.", "Request",
                "Sign in to see what is asked for and when it is due:"));
        TEMPLATES.put(NoticeKind.DUE_TOMORROW, new Template("Information due tomorrow",
                "Information your organisation has been asked for is due tomorrow.", "Request",
                "Sign in to upload it:"));
        TEMPLATES.put(NoticeKind.OVERDUE, new Template("Information overdue",
                "Information your organisation has been asked for is overdue.", "Request",
                "Sign in to upload it:"));
        TEMPLATES.put(NoticeKind.REFERRAL_CATEGORY_1, new Template("Category 1 referral of concern",
                "A category 1 referral of concern (immediate risk of significant harm) has been made.", null,
                "Sign in now to read it and act on it:"));
        TEMPLATES.put(NoticeKind.REPORT_SHARED, new Template("Pre-publication report shared with you",
                "An embargoed pre-publication report or letter has been shared with your inspectorate's reader"
                        + " list. It must not be shared beyond authorised reviewers.", "Report",
                "Sign in to read it:"));
        TEMPLATES.put(NoticeKind.ACCOUNT_INVITATION, new Template("You have been invited to the inspectorates' portal",
                "You have been invited to an account on the inspectorates' secure portal.", "Organisation",
                "Open the link to set your password and authenticator. It works once, for a limited time:"));
        TEMPLATES.put(NoticeKind.PASSWORD_RESET, new Template("Reset your password for the inspectorates' portal",
                "Someone asked to reset the password of your account. If it was not you, you need do nothing.",
                null, "If it was you, open the link to choose a new password. It works once, for a limited time:"));
        // JTAI Annex D (issue 17, helper-annexd)
        TEMPLATES.put(NoticeKind.WITHHOLD_DECISION, new Template("Decision on a request to withhold or withdraw"
                        + " publication", "The originating inspectorate has decided a request to withhold or withdraw"
                        + " the publication of a report shared with your inspectorate.", "Report",
                "Sign in to see the decision and the views recorded:"));
        TEMPLATES.put(NoticeKind.STATEMENT_REVIEWED, new Template("Your statement of proposed action has been reviewed",
                "The lead inspector has reviewed the statement of proposed action your organisation uploaded.",
                "Inspection", "Sign in to see whether it was accepted or returned with comments:"));
        TEMPLATES.put(NoticeKind.CHALLENGE_RECORDED, new Template("Challenge or complaint about a joint inspection",
                "A formal challenge or complaint about a joint inspection your inspectorate took part in has been"
                        + " recorded. The lead inspectorate coordinates the response.", "Inspection",
                "Sign in to read it:"));
        TEMPLATES.put(NoticeKind.DEADLINE_TOMORROW, new Template("Due tomorrow",
                "Something you are to do in the portal is due tomorrow.", "Item", "Sign in to do it:"));
        TEMPLATES.put(NoticeKind.DEADLINE_PASSED, new Template("Deadline passed",
                "Something you are to do in the portal is past its deadline.", "Item", "Sign in to do it:"));
        // the end of an inspection (issue 17, docs/adr/0028)
        TEMPLATES.put(NoticeKind.EXPORT_WINDOW_ENDING, new Template("Export what you requested before removal",
                "Your inspectorate has not yet exported what it requested from a closed joint targeted area"
                        + " inspection. When its export window ends the portal removes the inspection's data, whether"
                        + " or not it was exported.", "Inspection",
                "Sign in to see when the window ends and to export:"));
    }

    private NoticeTemplates() {
    }

    /** The message to one recipient; the title is cleaned here, whatever the caller did. */
    public static OutgoingMessage render(NoticeKind kind, String recipient, String title, String absoluteLink) {
        Template template = TEMPLATES.get(kind);
        StringBuilder body = new StringBuilder(template.opening()).append("\n\n");
        String cleaned = NoticeTitle.clean(title);
        if (template.titleLabel() != null && !cleaned.isEmpty()) {
            body.append(template.titleLabel()).append(": ").append(cleaned).append("\n\n");
        }
        body.append(template.action()).append('\n').append(absoluteLink).append("\n\n").append(FOOTER).append('\n');
        return new OutgoingMessage(kind, recipient, template.subject(), body.toString(), absoluteLink);
    }
}
