package uk.gov.inspectorates.portal.web.pages;

import jakarta.servlet.annotation.WebFilter;

/** The term-plan pages are behind sign-in and CSRF checks like every other page. */
@WebFilter({"/term-plans", "/term-plans/*"})
public class TermPlanPageAccessFilter extends PageAccessFilter {
}
