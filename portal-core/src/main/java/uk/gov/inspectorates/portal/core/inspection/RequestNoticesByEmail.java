package uk.gov.inspectorates.portal.core.inspection;

import java.util.Objects;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.Role;

/** The "new request" notice by e-mail: to the agency's uploaders and chief officer, the request's title and page. */
public final class RequestNoticesByEmail implements RequestNotices {

    private final NoticeOutbox outbox;

    public RequestNoticesByEmail(NoticeOutbox outbox) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    @Override
    public void requested(Inspection inspection, InformationRequest request) {
        outbox.enqueue(Notice.of(NoticeKind.NEW_REQUEST, request.title(), pathOf(request),
                Recipients.withRoles(request.agencyId(), Role.AGENCY_UPLOADER, Role.AGENCY_CHIEF_OFFICER)));
    }

    /** The request's page in the portal. */
    static String pathOf(InformationRequest request) {
        return "/inspections/" + request.inspectionId() + "/requests/" + request.id();
    }
}
