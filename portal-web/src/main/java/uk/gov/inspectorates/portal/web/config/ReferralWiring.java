package uk.gov.inspectorates.portal.web.config;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Logger;
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

/** Referrals of concern (JTAI Annex C, docs/adr/0022). */
@ApplicationScoped
public class ReferralWiring {

    private static final Logger LOG = Logger.getLogger(ReferralWiring.class.getName());

    @Resource(lookup = PortalDataSource.JNDI_NAME)
    DataSource dataSource;

    @Produces
    @Singleton
    Referrals referrals() {
        return new JdbcReferrals(dataSource);
    }

    @Produces
    @Singleton
    ReferralService referralService(Referrals referrals, InspectionRepository inspections,
                                    OrganisationDirectory directory, PolicyGate gate) {
        ReferralInspections referring = id -> inspections.find(id).map(inspection -> ReferringInspection.of(
                inspection, directory.findLocalAuthorityArea(inspection.localAuthorityAreaId())
                        .map(LocalAuthorityArea::name).orElse(inspection.localAuthorityAreaId())));
        return new ReferralService(referrals, referring, directory, gate, categoryOneNotices());
    }

    /**
     * The category 1 e-mail notice. The e-mail outbox (core.notification's adapter, helper-notify's branch) is not
     * wired on this branch yet: until it is, the notice is logged (kind and link, never a case number) and both sides
     * see the banner in the portal. When the outbox is produced, take it as a parameter of the producer above.
     */
    private static NoticeOutbox categoryOneNotices() {
        return notice -> LOG.info(() -> notice.kind() + " notice for " + notice.link()
                + " (e-mail outbox not wired on this branch yet)");
    }
}
