package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocumentRepository;
import uk.gov.inspectorates.portal.core.inspection.FindingsPublication;
import uk.gov.inspectorates.portal.core.inspection.InformationRequestRepository;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.postinspection.AnnexDDeadlines;
import uk.gov.inspectorates.portal.core.postinspection.ChallengeDeadlines;
import uk.gov.inspectorates.portal.core.postinspection.ChallengeService;
import uk.gov.inspectorates.portal.core.postinspection.Challenges;
import uk.gov.inspectorates.portal.core.postinspection.ProposedActionService;
import uk.gov.inspectorates.portal.core.postinspection.ProposedActionStatements;
import uk.gov.inspectorates.portal.core.postinspection.StatementReviews;
import uk.gov.inspectorates.portal.core.report.ReportRepository;
import uk.gov.inspectorates.portal.core.report.WithholdRequests;
import uk.gov.inspectorates.portal.core.report.WithholdViews;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcChallenges;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcProposedActionStatements;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcWithholdRequests;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * JTAI Annex D (issue 17, docs/adr/0026): the other parties' views on withhold and withdrawal requests, the statement
 * of proposed action, challenges and complaints.
 */
@ApplicationScoped
public class AnnexDWiring {

    /** The one instance PortalWiring produces: a unit of work binds its connection to it (docs/adr/0032). */
    @Inject
    DataSource dataSource;

    @Produces
    @Singleton
    WithholdRequests withholdRequests() {
        return new JdbcWithholdRequests(dataSource);
    }

    @Produces
    @Singleton
    WithholdViews withholdViews(ReportRepository reports, WithholdRequests requests, PolicyGate gate,
                                UnitOfWork unitOfWork) {
        return new WithholdViews(reports, requests, gate, unitOfWork);
    }

    @Produces
    @Singleton
    ProposedActionStatements proposedActionStatements() {
        return new JdbcProposedActionStatements(dataSource);
    }

    @Produces
    @Singleton
    Challenges challenges() {
        return new JdbcChallenges(dataSource);
    }

    /** The deadlines after publication, counted from the findings letter's publication (FindingsPublication). */
    @Produces
    @Singleton
    AnnexDDeadlines annexDDeadlines(FindingsPublication publication, WorkingDayCalendar calendar) {
        return new AnnexDDeadlines(publication, calendar);
    }

    @Produces
    @Singleton
    ProposedActionService proposedActionService(InspectionRepository inspections,
                                                InformationRequestRepository requests,
                                                ProposedActionStatements statements, AnnexDDeadlines deadlines,
                                                OrganisationDirectory directory, NoticeOutbox notices,
                                                PolicyGate gate, UnitOfWork unitOfWork) {
        return new ProposedActionService(inspections, requests, statements, deadlines, directory, notices, gate,
                                         unitOfWork);
    }

    @Produces
    @Singleton
    StatementReviews statementReviews(InspectionRepository inspections, EvidenceDocumentRepository documents,
                                      ProposedActionStatements statements, NoticeOutbox notices, PolicyGate gate,
                                              UnitOfWork unitOfWork) {
        return new StatementReviews(inspections, documents, statements, notices, gate, unitOfWork);
    }

    @Produces
    @Singleton
    ChallengeService challengeService(InspectionRepository inspections, Challenges challenges,
                                      AnnexDDeadlines deadlines, NoticeOutbox notices, PolicyGate gate,
                                              UnitOfWork unitOfWork) {
        return new ChallengeService(inspections, challenges, deadlines, notices, gate, unitOfWork);
    }

    /** What the lead inspectorate owes on challenges, for the reminders (combined with the requests' in InspectionWiring). */
    static ChallengeDeadlines challengeDeadlines(InspectionRepository inspections, Challenges challenges) {
        return new ChallengeDeadlines(inspections, challenges);
    }
}
