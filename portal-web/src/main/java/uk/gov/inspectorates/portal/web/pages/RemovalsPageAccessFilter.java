package uk.gov.inspectorates.portal.web.pages;

import jakarta.servlet.annotation.WebFilter;

/** The removals page is behind sign-in and CSRF checks like every other page. */
@WebFilter({"/admin/removals", "/admin/removals/*"})
public class RemovalsPageAccessFilter extends PageAccessFilter {
}
