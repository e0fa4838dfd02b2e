package uk.gov.inspectorates.portal.web.pages;

import jakarta.servlet.annotation.WebFilter;

/** The account and invitation-administration pages are behind sign-in and CSRF checks like every other page. */
@WebFilter({"/account", "/account/*", "/admin/invitations", "/admin/invitations/*"})
public class AccountPageAccessFilter extends PageAccessFilter {
}
