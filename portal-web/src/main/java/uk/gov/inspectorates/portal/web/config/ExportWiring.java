package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.inspection.EvidenceDocumentRepository;
import uk.gov.inspectorates.portal.core.inspection.ExportContents;
import uk.gov.inspectorates.portal.core.inspection.ExportRecords;
import uk.gov.inspectorates.portal.core.inspection.ExportReminders;
import uk.gov.inspectorates.portal.core.inspection.FindingsPublication;
import uk.gov.inspectorates.portal.core.inspection.InformationRequestRepository;
import uk.gov.inspectorates.portal.core.inspection.InspectionClosures;
import uk.gov.inspectorates.portal.core.inspection.InspectionExports;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.notification.Notices;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicies;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditTrail;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcExportChecksums;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcExportRecords;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/** The end of an inspection (issue 17, docs/adr/0028): closing it, each inspectorate's export, the reminders. */
@ApplicationScoped
public class ExportWiring {

    /** The one instance PortalWiring produces: a unit of work binds its connection to it (docs/adr/0032). */
    @Inject
    DataSource dataSource;

    /** Who exported what: replaces the provisional producer of issue 17's contracts (helper-removal reads it). */
    @Produces
    @Singleton
    ExportRecords exportRecords() {
        return new JdbcExportRecords(dataSource);
    }

    @Produces
    @Singleton
    InspectionClosures inspectionClosures(InspectionRepository inspections, FindingsPublication publication,
                                          RetentionPolicies policies, WorkingDayCalendar calendar,
                                          OrganisationDirectory directory, PolicyGate gate, UnitOfWork unitOfWork) {
        return new InspectionClosures(inspections, publication, policies, calendar, directory, gate, unitOfWork);
    }

    /** The audit trail is read back for the export's audit.csv through the same adapter that writes it. */
    @Produces
    @Singleton
    InspectionExports inspectionExports(InspectionRepository inspections, InformationRequestRepository requests,
                                        EvidenceDocumentRepository documents, DocumentStore store,
                                        ExportRecords records, OrganisationDirectory directory, PolicyGate gate,
                                                UnitOfWork unitOfWork) {
        ExportContents contents = new ExportContents(requests, documents, store, new JdbcExportChecksums(dataSource),
                new JdbcAuditTrail(dataSource));
        return new InspectionExports(inspections, contents, records, directory, gate, unitOfWork);
    }

    @Produces
    @Singleton
    ExportReminders exportReminders(InspectionRepository inspections, ExportRecords records,
                                    RetentionPolicies policies, WorkingDayCalendar calendar, Notices notices,
                                    Clock clock) {
        return new ExportReminders(inspections, records, policies, calendar, notices::enqueueOnce, clock);
    }
}
