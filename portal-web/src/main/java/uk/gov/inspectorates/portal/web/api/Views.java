package uk.gov.inspectorates.portal.web.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.Team;
import uk.gov.inspectorates.portal.core.document.ResumableUpload;
import uk.gov.inspectorates.portal.core.report.OnwardSharing;
import uk.gov.inspectorates.portal.core.report.Publication;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportType;
import uk.gov.inspectorates.portal.core.report.Withdrawal;
import uk.gov.inspectorates.portal.core.report.PartyView;
import uk.gov.inspectorates.portal.core.report.WithholdRequest;

/** The JSON shapes of the API (the domain never serialises itself). */
public final class Views {

    private Views() {
    }

    public record OrganisationView(String id, String name, String inspectorate, String agencyType) {
    }

    public record TeamView(String id, String name, boolean onReaderList) {
    }

    public record UserView(String id, String username, String displayName, OrganisationView organisation,
                           List<TeamView> teams, List<String> roles) {
        static UserView of(Subject subject) {
            var organisation = subject.organisation();
            return new UserView(subject.userId(), subject.username(), subject.displayName(),
                    new OrganisationView(organisation.id(), organisation.name(),
                            organisation.inspectorate() == null ? null : organisation.inspectorate().name(),
                            organisation.agencyType() == null ? null : organisation.agencyType().name()),
                    subject.teams().stream().sorted(java.util.Comparator.comparing(Team::name))
                            .map(team -> new TeamView(team.id(), team.name(), team.onReaderList())).toList(),
                    subject.roles().stream().map(Role::name).sorted().toList());
        }
    }

    public record SessionView(String csrfToken, UserView user) {
    }

    public record ReportTypeView(String code, String inspectorate, String title) {
        static ReportTypeView of(ReportType type) {
            return new ReportTypeView(type.code(), type.inspectorate().name(), type.title());
        }
    }

    public record ClassificationView(String tier, String descriptor, String marking) {
    }

    public record AttestationsView(boolean subjectHadChanceToComment, boolean contentFinal,
                                   boolean subjectHasFinalUnderEmbargo) {
    }

    public record FileView(String name, String mediaType, long size, String sha256) {
    }

    public record PublicationView(String publishedUrl, OffsetDateTime publishedAt, OffsetDateTime recordedAt) {
    }

    public record WithdrawalView(String reason, OffsetDateTime withdrawnAt) {
    }

    public record ReportView(String id, String status, String title, String reportType, String subject,
                             String originator, List<String> addressees, ClassificationView classification,
                             String handlingInstructions, AttestationsView attestations,
                             OffsetDateTime expectedPublication, OffsetDateTime sharedAt, FileView file,
                             OffsetDateTime embargoEndsAt, PublicationView publication, WithdrawalView withdrawal) {
        static ReportView of(Report report, Instant now) {
            var classification = report.classification();
            var document = report.document();
            Publication publication = report.publication();
            Withdrawal withdrawal = report.withdrawal();
            return new ReportView(report.id(), report.statusAt(now).name(), report.title(), report.type().code(),
                    report.subject(), report.originator().name(),
                    report.addressees().stream().map(Enum::name).sorted().toList(),
                    new ClassificationView(classification.tier().marking(), classification.descriptor(),
                            classification.marking()),
                    report.handlingInstructions(),
                    new AttestationsView(report.attestations().subjectHadChanceToComment(),
                            report.attestations().contentFinal(), report.attestations().subjectHasFinalUnderEmbargo()),
                    report.expectedPublication(), utc(report.sharedAt()),
                    new FileView(document.fileName(), document.mediaType(), document.content().plaintextBytes(),
                            document.content().plaintextSha256()),
                    report.embargoEndsAt(now).map(Views::utc).orElse(null),
                    publication == null ? null : new PublicationView(publication.publishedUrl().toString(),
                            utc(publication.publishedAt()), utc(publication.recordedAt())),
                    withdrawal == null ? null : new WithdrawalView(withdrawal.reason(), utc(withdrawal.withdrawnAt())));
        }
    }

    public record DecisionView(String outcome, String reason, OffsetDateTime decidedAt) {
    }

    public record WithholdRequestView(String id, String kind, String applicant, String exceptionalCircumstances,
                                      String complaintReference, OffsetDateTime receivedAt, OffsetDateTime respondBy,
                                      OffsetDateTime recordedAt, DecisionView decision, List<PartyViewView> views) {
        static WithholdRequestView of(WithholdRequest request) {
            var decision = request.decision();
            return new WithholdRequestView(request.id(), request.kind().name(), request.applicant(),
                    request.exceptionalCircumstances(), request.complaintReference(), utc(request.receivedAt()),
                    utc(request.respondBy()), utc(request.recordedAt()), decision == null ? null
                    : new DecisionView(decision.outcome().name(), decision.reason(), utc(decision.decidedAt())),
                    request.views().stream().map(PartyViewView::of).toList());
        }
    }

    /**
     * A party's lead inspector's view on a withhold request (JTAI Annex D): {@code view} and {@code givenAt}, or
     * {@code noViewGiven} true and {@code noViewGivenBy}.
     */
    public record PartyViewView(String inspectorate, String leadInspector, String view, OffsetDateTime givenAt,
                                boolean noViewGiven, OffsetDateTime noViewGivenBy, OffsetDateTime recordedAt) {
        static PartyViewView of(PartyView view) {
            return new PartyViewView(view.party().name(), view.leadInspector(), view.view(),
                    view.noViewGiven() ? null : utc(view.at()), view.noViewGiven(),
                    view.noViewGiven() ? utc(view.at()) : null, utc(view.recordedAt()));
        }
    }

    public record OnwardSharingView(String id, String basis, String recipient, String evidence,
                                    String requestingParty, OffsetDateTime requestedAt, String status,
                                    boolean basisHolds, OffsetDateTime decidedAt, String decisionNote) {
        static OnwardSharingView of(OnwardSharing sharing) {
            return new OnwardSharingView(sharing.id(), sharing.basis().name(), sharing.recipient(),
                    sharing.evidence(), sharing.requestingParty().name(), utc(sharing.requestedAt()),
                    sharing.status().name(), sharing.basisHolds(), utc(sharing.decidedAt()), sharing.decisionNote());
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public record UploadView(String id, String purpose, String status, String fileName, long length, int partSize,
                             int partCount, List<Integer> receivedParts, long receivedBytes, String mediaType,
                             String sha256, OffsetDateTime expiresAt) {
        public static UploadView of(ResumableUpload upload) {
            var content = upload.content();
            return new UploadView(upload.id(), upload.purpose().name(), upload.status().name(), upload.fileName(),
                    content.length(), content.partSize(), content.partCount(), upload.receivedParts(),
                    upload.receivedBytes(), upload.mediaType(), upload.plaintextSha256(),
                    upload.expiresAt().atOffset(ZoneOffset.UTC));
        }
    }
}
