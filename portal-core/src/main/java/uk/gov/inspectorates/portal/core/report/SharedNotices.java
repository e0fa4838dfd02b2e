package uk.gov.inspectorates.portal.core.report;

import java.util.Set;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * The REPORT_SHARED notices: to the members of the reader-list teams of each party a report or letter is
 * addressed to (the people who may open it while it is embargoed), with the report's title and a link to it.
 */
public final class SharedNotices {

    private SharedNotices() {
    }

    public static Notice reportShared(Report report) {
        return notice(report.title(), "/reports/" + report.id(), report.addressees());
    }

    /** @param report the letter's report, or null for an advance letter sent ahead of its report */
    public static Notice letterShared(Set<Inspectorate> addressedTo, Report report) {
        return report == null
                ? notice("Advance letter", "/reports", addressedTo)
                : notice("Letter: " + report.title(), "/reports/" + report.id() + "/letters", addressedTo);
    }

    private static Notice notice(String title, String link, Set<Inspectorate> parties) {
        return new Notice(NoticeKind.REPORT_SHARED, parties.stream().sorted()
                .map(party -> Recipients.readerListOf(party.organisationId())).toList(), title, link);
    }
}
