package uk.gov.inspectorates.portal.core.inspection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.core.notification.DueItems.DueItem;
import uk.gov.inspectorates.portal.core.notification.Notice;
import uk.gov.inspectorates.portal.core.notification.NoticeKind;
import uk.gov.inspectorates.portal.core.notification.Recipients;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.testdata.InMemoryInspections;

/** The information requests as the e-mail outbox sees them: the new-request notice and what is still owed. */
class RequestsDueTest {

    private static final Instant DUE = Instant.parse("2027-03-12T17:00:00Z");
    private static final String POLICE = DemoDirectory.POLICE_ID;

    private final InMemoryInspections inspections = new InMemoryInspections();
    private final RequestsDue due = new RequestsDue(inspections, inspections.requests, inspections.documents);

    private static Inspection inspection(String id, InspectionStatus status) {
        return new Inspection(id, "northdale", "Children at risk of exploitation", LocalDate.of(2027, 3, 9),
                Inspectorate.OFSTED, Set.of(Inspectorate.OFSTED, Inspectorate.HMIC), Map.of(), status, "lead",
                Instant.parse("2027-03-09T09:00:00Z"));
    }

    private static InformationRequest request(String id, String inspectionId, Instant dueAt) {
        return new InformationRequest(id, inspectionId, Inspectorate.HMIC, POLICE, "Request " + id, "", Set.of(),
                null, null, dueAt, "hmic-inspector", Instant.parse("2027-03-09T10:00:00Z"));
    }

    private static EvidenceDocument answering(InformationRequest request) {
        StoredContent content = new StoredContent(KeyScope.inspection(request.inspectionId()), "objects/x",
                new WrappedKey("kek", new byte[] {1}), 10, 42, "00");
        return new EvidenceDocument("d-" + request.id(), request.inspectionId(), request.id(), POLICE,
                Inspectorate.HMIC, Classification.of(Tier.OFFICIAL), "police-uploader",
                Instant.parse("2027-03-10T10:00:00Z"), new AcceptedDocument("a.pdf", "application/pdf", content));
    }

    @BeforeEach
    void requests() {
        inspections.add(inspection("open", InspectionStatus.OPEN));
        inspections.add(inspection("closed", InspectionStatus.CLOSED));
        inspections.requests.add(request("owed", "open", DUE));
        InformationRequest answered = request("answered", "open", DUE);
        inspections.requests.add(answered);
        inspections.documents.add(answering(answered));
        inspections.requests.add(request("of-a-closed-inspection", "closed", DUE));
        inspections.requests.add(request("later", "open", DUE.plusSeconds(86_400)));
    }

    @Test
    void onlyUnansweredRequestsOfOpenInspectionsAreOwedEachWithItsAgencyTitleAndPage() {
        assertEquals(List.of(new DueItem("owed", POLICE, "Request owed", "/inspections/open/requests/owed", DUE)),
                due.dueBetween(DUE, DUE.plusSeconds(1)));
        assertEquals(List.of(), due.dueBetween(DUE.plusSeconds(1), DUE.plusSeconds(86_400)), "to is exclusive");
        assertEquals(List.of("owed"), due.overdueAt(DUE.plusSeconds(1)).stream().map(DueItem::itemId).toList());
        assertEquals(List.of(), due.overdueAt(DUE), "due at the instant is not yet overdue");
    }

    @Test
    void aNewRequestIsNoticedToTheAgencysUploadersAndChiefOfficerWithItsTitleAndPage() {
        List<Notice> queued = new ArrayList<>();
        InformationRequest request = request("r1", "open", DUE);

        new RequestNoticesByEmail(queued::add).requested(inspection("open", InspectionStatus.OPEN), request);

        assertEquals(List.of(Notice.of(NoticeKind.NEW_REQUEST, "Request r1", "/inspections/open/requests/r1",
                Recipients.withRoles(POLICE, Role.AGENCY_UPLOADER, Role.AGENCY_CHIEF_OFFICER))), queued);
    }
}
