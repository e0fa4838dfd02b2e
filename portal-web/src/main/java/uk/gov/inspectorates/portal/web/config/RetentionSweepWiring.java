package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.document.ResumableUploads;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.legalhold.LegalHoldService;
import uk.gov.inspectorates.portal.core.report.ReportRepository;
import uk.gov.inspectorates.portal.core.retention.AgedRecordSweep;
import uk.gov.inspectorates.portal.core.retention.AuditEventSweep;
import uk.gov.inspectorates.portal.core.retention.LegalHoldRecords;
import uk.gov.inspectorates.portal.core.retention.LegalHolds;
import uk.gov.inspectorates.portal.core.retention.ResumableUploadAges;
import uk.gov.inspectorates.portal.core.retention.RetentionAdministration;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicies;
import uk.gov.inspectorates.portal.core.retention.RetentionPolicyRecords;
import uk.gov.inspectorates.portal.core.retention.RetentionSchedule;
import uk.gov.inspectorates.portal.core.retention.RetentionSweep;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcAuditEventAges;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcNotificationOutboxAges;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcShareDraftAges;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcTermPlanAges;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcUnusedAccounts;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * The retention sweeps (issue 17, docs/adr/0029), each a bean of type {@link RetentionSweep} so that the schedule and
 * the retention run find them all ({@code @Any Instance<RetentionSweep>}); the schedule (dry run), the
 * administrators' retention service and legal holds.
 */
@ApplicationScoped
public class RetentionSweepWiring {

    @Produces
    @Singleton
    RetentionSweep shareDraftSweep(DataSource dataSource, RetentionPolicies policies, WorkingDayCalendar calendar,
                                   AuditTrail audit, Clock clock, UnitOfWork unitOfWork) {
        return new AgedRecordSweep(new JdbcShareDraftAges(dataSource), policies, calendar, audit, clock, unitOfWork);
    }

    @Produces
    @Singleton
    RetentionSweep termPlanSweep(DataSource dataSource, RetentionPolicies policies, WorkingDayCalendar calendar,
                                 AuditTrail audit, Clock clock, UnitOfWork unitOfWork) {
        return new AgedRecordSweep(new JdbcTermPlanAges(dataSource), policies, calendar, audit, clock, unitOfWork);
    }

    @Produces
    @Singleton
    RetentionSweep resumableUploadSweep(ResumableUploads uploads, RetentionPolicies policies,
                                        WorkingDayCalendar calendar, AuditTrail audit, Clock clock,
                                                UnitOfWork unitOfWork) {
        return new AgedRecordSweep(new ResumableUploadAges(uploads), policies, calendar, audit, clock, unitOfWork);
    }

    @Produces
    @Singleton
    RetentionSweep notificationOutboxSweep(DataSource dataSource, RetentionPolicies policies,
                                           WorkingDayCalendar calendar, AuditTrail audit, Clock clock,
                                                   UnitOfWork unitOfWork) {
        return new AgedRecordSweep(new JdbcNotificationOutboxAges(dataSource), policies, calendar, audit, clock,
                                   unitOfWork);
    }

    @Produces
    @Singleton
    RetentionSweep unusedAccountSweep(DataSource dataSource, RetentionPolicies policies, WorkingDayCalendar calendar,
                                      AuditTrail audit, Clock clock, UnitOfWork unitOfWork) {
        return new AgedRecordSweep(new JdbcUnusedAccounts(dataSource), policies, calendar, audit, clock, unitOfWork);
    }

    @Produces
    @Singleton
    RetentionSweep auditEventSweep(DataSource dataSource, WorkingDayCalendar calendar) {
        return new AuditEventSweep(new JdbcAuditEventAges(dataSource), calendar);
    }

    /** Every sweep there is (this class's and the removal's), under the policies in force, with the holds. */
    @Produces
    @Singleton
    RetentionSchedule retentionSchedule(@Any Instance<RetentionSweep> sweeps, RetentionPolicies policies,
                                        LegalHolds holds) {
        return new RetentionSchedule(sweeps.stream().toList(), policies, holds);
    }

    @Produces
    @Singleton
    RetentionAdministration retentionAdministration(RetentionPolicyRecords policies, RetentionSchedule schedule,
                                                    PolicyGate gate, UnitOfWork unitOfWork) {
        return new RetentionAdministration(policies, schedule, gate, unitOfWork);
    }

    @Produces
    @Singleton
    LegalHoldService legalHoldService(LegalHoldRecords holds, InspectionRepository inspections,
                                      ReportRepository reports, PolicyGate gate, UnitOfWork unitOfWork) {
        return new LegalHoldService(holds, inspections, reports, gate, unitOfWork);
    }
}
