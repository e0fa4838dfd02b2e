package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.ResumableUploads;
import uk.gov.inspectorates.portal.core.inspection.DueWork;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocumentRepository;
import uk.gov.inspectorates.portal.core.evidence.ChildrenListCheck;
import uk.gov.inspectorates.portal.core.findings.AccuracyCheckDueItems;
import uk.gov.inspectorates.portal.core.findings.FindingsLetters;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocuments;
import uk.gov.inspectorates.portal.core.inspection.EvidenceIntake;
import uk.gov.inspectorates.portal.core.inspection.InformationRequestRepository;
import uk.gov.inspectorates.portal.core.inspection.InformationRequests;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.inspection.InspectionService;
import uk.gov.inspectorates.portal.core.inspection.OutstandingRequests;
import uk.gov.inspectorates.portal.core.notification.DueItems;
import uk.gov.inspectorates.portal.core.postinspection.Challenges;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcEvidenceDocumentRepository;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcInformationRequestRepository;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcInspectionRepository;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/** The JTAI exchange (issue 16, docs/adr/0021): inspections, information requests, evidence documents, what is due. */
@ApplicationScoped
public class InspectionWiring {

    /** The one instance PortalWiring produces: a unit of work binds its connection to it (docs/adr/0032). */
    @Inject
    DataSource dataSource;

    @Produces
    @Singleton
    InspectionRepository inspectionRepository() {
        return new JdbcInspectionRepository(dataSource);
    }

    @Produces
    @Singleton
    InformationRequestRepository informationRequestRepository() {
        return new JdbcInformationRequestRepository(dataSource);
    }

    @Produces
    @Singleton
    EvidenceDocumentRepository evidenceDocumentRepository() {
        return new JdbcEvidenceDocumentRepository(dataSource);
    }

    /**
     * What agencies owe, for the e-mail reminders of the notice worker (docs/adr/0023), and what the lead inspectorate
     * owes on challenges and complaints (issue 17, docs/adr/0026).
     */
    @Produces
    @Singleton
    DueItems dueItems(InspectionRepository inspections, InformationRequestRepository requests,
                      EvidenceDocumentRepository documents, FindingsLetters findingsLetters,
                      Challenges challenges) {
        return DueItems.allOf(List.of(new OutstandingRequests(inspections, requests, documents),
                new AccuracyCheckDueItems(findingsLetters), AnnexDWiring.challengeDeadlines(inspections, challenges)));
    }

    @Produces
    @Singleton
    InspectionService inspectionService(InspectionRepository inspections, InformationRequestRepository requests,
                                        OrganisationDirectory directory, WorkingDayCalendar calendar,
                                        PolicyGate gate, UnitOfWork unitOfWork) {
        return new InspectionService(inspections, requests, directory, calendar, gate, unitOfWork);
    }

    @Produces
    @Singleton
    InformationRequests informationRequests(InspectionRepository inspections, InformationRequestRepository requests,
                                            OrganisationDirectory directory, WorkingDayCalendar calendar,
                                            NoticeOutbox notices, PolicyGate gate, UnitOfWork unitOfWork) {
        return new InformationRequests(inspections, requests, directory, calendar, notices, gate, unitOfWork);
    }

    /**
     * Evidence goes through the same intake as every upload, with the evidence types, under the inspection's scope;
     * what answers a request for the list of children is checked as one (docs/adr/0019).
     */
    @Produces
    @Singleton
    EvidenceDocuments evidenceDocuments(InspectionRepository inspections, InformationRequestRepository requests,
                                        EvidenceDocumentRepository documents, DocumentIntake intake,
                                        DocumentStore store, ResumableUploads uploads, ChildrenListCheck lists,
                                        PolicyGate gate, UnitOfWork unitOfWork) {
        return new EvidenceDocuments(inspections, requests, documents, new EvidenceIntake(intake, store, lists), store,
                uploads, gate, unitOfWork);
    }

    @Produces
    @Singleton
    DueWork dueWork(InspectionRepository inspections, InformationRequestRepository requests,
                    EvidenceDocumentRepository documents, PolicyGate gate) {
        return new DueWork(inspections, requests, documents, gate);
    }
}
