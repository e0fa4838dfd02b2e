package uk.gov.inspectorates.portal.web.pages;

import jakarta.servlet.annotation.WebFilter;

/** The audit pages (search, chart) are behind sign-in and CSRF checks like every other page. */
@WebFilter({"/audit", "/audit/*"})
public class AuditPageAccessFilter extends PageAccessFilter {
}
