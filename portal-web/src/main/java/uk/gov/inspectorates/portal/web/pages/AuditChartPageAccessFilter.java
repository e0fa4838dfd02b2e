package uk.gov.inspectorates.portal.web.pages;

import jakarta.servlet.annotation.WebFilter;

/** The SIRO's chart page is behind sign-in like every other page (who may see it is the audit trail's rule). */
@WebFilter("/audit/chart")
public class AuditChartPageAccessFilter extends PageAccessFilter {
}
