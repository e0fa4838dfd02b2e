package uk.gov.inspectorates.portal.web.api;

import static uk.gov.inspectorates.portal.web.api.Views.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.gov.inspectorates.portal.core.inspection.AnnexAItem;
import uk.gov.inspectorates.portal.core.inspection.DueWork;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocument;
import uk.gov.inspectorates.portal.core.inspection.InformationRequest;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionService;
import uk.gov.inspectorates.portal.core.inspection.Milestone;

/** The JSON shapes of the JTAI part of the API. */
public final class JtaiViews {

    private JtaiViews() {
    }

    public record AgencyView(String id, String name, String agencyType, String inspectedBy) {
    }

    public record AreaView(String id, String name, List<AgencyView> agencies) {
        static AreaView of(InspectionService.AreaAgencies area) {
            return new AreaView(area.area().id(), area.area().name(), area.agencies().stream()
                    .map(agency -> new AgencyView(agency.id(), agency.name(), agency.agencyType().name(),
                            agency.agencyType().inspectedBy().name()))
                    .toList());
        }
    }

    /** {@code dueAt} where the framework gives a time of day; {@code deadline} always (end of day otherwise). */
    public record MilestoneView(String key, String title, int workingDay, LocalDate date, OffsetDateTime dueAt,
                                OffsetDateTime deadline, boolean passed) {
        static MilestoneView of(Milestone milestone, Instant now) {
            return new MilestoneView(milestone.key(), milestone.title(), milestone.workingDay(), milestone.date(),
                    utc(milestone.dueAt()), utc(milestone.deadline()), milestone.hasPassed(now));
        }
    }

    public record TimelineView(LocalDate today, Integer todayWorkingDay, MilestoneView next,
                               List<MilestoneView> overdue, List<MilestoneView> milestones) {
    }

    public record AnnexAItemView(String code, String title, String milestone) {
        static AnnexAItemView of(AnnexAItem item) {
            return new AnnexAItemView(item.name(), item.title(), item.milestone());
        }
    }

    public record RequestView(String id, String inspectionId, String requestedBy, String agency, String title,
                              String description, List<AnnexAItemView> items, String beyondAnnexA,
                              String justification, OffsetDateTime dueAt, boolean pastDue, String requestedByUser,
                              OffsetDateTime requestedAt) {
        static RequestView of(InformationRequest request, Instant now) {
            return new RequestView(request.id(), request.inspectionId(), request.requestedBy().name(),
                    request.agencyId(), request.title(), request.description(),
                    request.items().stream().sorted().map(AnnexAItemView::of).toList(), request.beyondAnnexA(),
                    request.justification(), utc(request.dueAt()), request.overdueAt(now),
                    request.requestedByUserId(), utc(request.requestedAt()));
        }
    }

    public record InspectionSummaryView(String id, String localAuthorityArea, String theme, LocalDate notifiedOn,
                                        String leadInspectorate, List<String> inspectorates, String status) {
        static InspectionSummaryView of(Inspection inspection) {
            return new InspectionSummaryView(inspection.id(), inspection.localAuthorityAreaId(), inspection.theme(),
                    inspection.notifiedOn(), inspection.leadInspectorate().name(),
                    inspection.participants().stream().map(Enum::name).sorted().toList(),
                    inspection.status().name());
        }
    }

    public record InspectionView(String id, String localAuthorityArea, String theme, LocalDate notifiedOn,
                                 String leadInspectorate, List<String> inspectorates,
                                 Map<String, String> leadInspectors, String status, String openedBy,
                                 OffsetDateTime openedAt, TimelineView timeline, List<RequestView> requests) {
        static InspectionView of(InspectionService.Overview overview, Instant now, LocalDate today) {
            Inspection inspection = overview.inspection();
            Map<String, String> leads = new TreeMap<>();
            inspection.leadInspectors().forEach((inspectorate, user) -> leads.put(inspectorate.name(), user));
            Integer todayWorkingDay = today.isBefore(inspection.notifiedOn()) ? null
                    : overview.timeline().workingDayOn(today);
            TimelineView timeline = new TimelineView(today, todayWorkingDay,
                    overview.next().map(m -> MilestoneView.of(m, now)).orElse(null),
                    overview.overdue().stream().map(m -> MilestoneView.of(m, now)).toList(),
                    overview.timeline().milestones().stream().map(m -> MilestoneView.of(m, now)).toList());
            return new InspectionView(inspection.id(), inspection.localAuthorityAreaId(), inspection.theme(),
                    inspection.notifiedOn(), inspection.leadInspectorate().name(),
                    inspection.participants().stream().map(Enum::name).sorted().toList(), leads,
                    inspection.status().name(), inspection.openedBy(), utc(inspection.openedAt()), timeline,
                    overview.requests().stream().sorted(Comparator.comparing(InformationRequest::dueAt))
                            .map(request -> RequestView.of(request, now)).toList());
        }
    }

    public record DocumentView(String id, String inspectionId, String requestId, String agency, String requestedBy,
                               Views.ClassificationView classification, String uploadedBy, OffsetDateTime uploadedAt,
                               Views.FileView file) {
        static DocumentView of(EvidenceDocument document) {
            var classification = document.classification();
            var accepted = document.document();
            return new DocumentView(document.id(), document.inspectionId(), document.requestId(),
                    document.agencyId(), document.requestedBy().name(),
                    new Views.ClassificationView(classification.tier().marking(), classification.descriptor(),
                            classification.marking()),
                    document.uploadedBy(), utc(document.uploadedAt()),
                    new Views.FileView(accepted.fileName(), accepted.mediaType(), document.size(), document.sha256()));
        }
    }

    public record DueView(String inspectionId, String localAuthorityArea, RequestView request, int documents,
                          boolean overdue) {
        static DueView of(DueWork.Item item, Instant now) {
            return new DueView(item.inspection().id(), item.inspection().localAuthorityAreaId(),
                    RequestView.of(item.request(), now), item.documents(), item.overdue());
        }
    }
}
