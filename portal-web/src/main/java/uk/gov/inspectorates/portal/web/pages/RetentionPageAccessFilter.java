package uk.gov.inspectorates.portal.web.pages;

import jakarta.servlet.annotation.WebFilter;

/** The retention pages are behind sign-in and CSRF checks like every other page. */
@WebFilter({"/admin/retention", "/admin/retention/*"})
public class RetentionPageAccessFilter extends PageAccessFilter {
}
