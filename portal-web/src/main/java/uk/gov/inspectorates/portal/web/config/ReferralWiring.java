package uk.gov.inspectorates.portal.web.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;
import uk.gov.inspectorates.portal.core.notification.NoticeOutbox;
import uk.gov.inspectorates.portal.core.organisation.LocalAuthorityArea;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.referral.ReferralInspections;
import uk.gov.inspectorates.portal.core.referral.ReferralService;
import uk.gov.inspectorates.portal.core.referral.Referrals;
import uk.gov.inspectorates.portal.core.referral.ReferringInspection;
import uk.gov.inspectorates.portal.storage.jdbc.JdbcReferrals;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/** Referrals of concern (JTAI Annex C, docs/adr/0022); a category 1 referral's notice goes to the e-mail outbox. */
@ApplicationScoped
public class ReferralWiring {

    /** The one instance PortalWiring produces: a unit of work binds its connection to it (docs/adr/0032). */
    @Inject
    DataSource dataSource;

    @Produces
    @Singleton
    Referrals referrals() {
        return new JdbcReferrals(dataSource);
    }

    @Produces
    @Singleton
    ReferralService referralService(Referrals referrals, InspectionRepository inspections,
                                    OrganisationDirectory directory, PolicyGate gate, NoticeOutbox notices,
                                            UnitOfWork unitOfWork) {
        ReferralInspections referring = id -> inspections.find(id).map(inspection -> ReferringInspection.of(
                inspection, directory.findLocalAuthorityArea(inspection.localAuthorityAreaId())
                        .map(LocalAuthorityArea::name).orElse(inspection.localAuthorityAreaId())));
        return new ReferralService(referrals, referring, directory, gate, notices, unitOfWork);
    }
}
