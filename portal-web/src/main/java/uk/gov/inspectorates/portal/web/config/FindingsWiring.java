package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.document.DocumentIntake;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterIssuing;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterPublication;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterReading;
import uk.gov.inspectorates.portal.core.findings.FindingsLetterService;
import uk.gov.inspectorates.portal.core.findings.FindingsLetters;
import uk.gov.inspectorates.portal.core.inspection.FindingsPublication;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.report.ReportRepository;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcFindingsLetters;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/** The JTAI findings letter (issue 17, docs/adr/0025): drafts to issue, and the publication others count from. */
@ApplicationScoped
public class FindingsWiring {

    /** The one instance PortalWiring produces: a unit of work binds its connection to it (docs/adr/0032). */
    @Inject
    DataSource dataSource;

    @Produces
    @Singleton
    FindingsLetters findingsLetters() {
        return new JdbcFindingsLetters(dataSource);
    }

    @Produces
    @Singleton
    FindingsPublication findingsPublication(FindingsLetters letters, ReportRepository reports) {
        return new FindingsLetterPublication(letters, reports);
    }

    @Produces
    @Singleton
    FindingsLetterService findingsLetterService(InspectionRepository inspections, FindingsLetters letters,
                                                DocumentIntake intake, DocumentStore store,
                                                OrganisationDirectory directory, WorkingDayCalendar calendar,
                                                PolicyGate gate, UnitOfWork unitOfWork) {
        return new FindingsLetterService(inspections, letters, intake, store, directory, calendar, gate, unitOfWork);
    }

    @Produces
    @Singleton
    FindingsLetterReading findingsLetterReading(InspectionRepository inspections, FindingsLetters letters,
                                                DocumentStore store, OrganisationDirectory directory,
                                                WorkingDayCalendar calendar, PolicyGate gate) {
        return new FindingsLetterReading(inspections, letters, store, directory, calendar, gate);
    }

    @Produces
    @Singleton
    FindingsLetterIssuing findingsLetterIssuing(InspectionRepository inspections, FindingsLetters letters,
                                                ReportRepository reports, DocumentStore store,
                                                OrganisationDirectory directory, WorkingDayCalendar calendar,
                                                NoticeOutbox notices, PolicyGate gate, UnitOfWork unitOfWork) {
        return new FindingsLetterIssuing(inspections, letters, reports, store, directory, calendar, notices, gate,
                                         unitOfWork);
    }
}
