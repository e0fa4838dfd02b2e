package uk.gov.inspectorates.portal.web.pages;

import jakarta.servlet.annotation.WebFilter;

/** The JTAI pages are behind sign-in and CSRF checks like every other page. */
@WebFilter({"/inspections", "/inspections/*", "/due"})
public class JtaiPageAccessFilter extends PageAccessFilter {
}
