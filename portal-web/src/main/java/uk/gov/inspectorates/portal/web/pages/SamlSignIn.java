package uk.gov.inspectorates.portal.web.pages;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.account.sso.IdentityProvider;
import uk.gov.inspectorates.portal.core.account.sso.SignInRedirect;
import uk.gov.inspectorates.portal.core.account.sso.SsoRefused;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;
import uk.gov.inspectorates.portal.web.config.SingleSignOn;
import uk.gov.inspectorates.portal.web.session.PortalSession;

/**
 * SAML 2.0 Web SSO for inspectorate staff: {@code GET /saml/login?inspectorate=} sends the browser to the
 * inspectorate's identity provider with a signed request, and gives the browser a short-lived cookie that binds the
 * request to it; the identity provider posts its response to {@code POST /saml/acs} (a cross-site form post, so it
 * needs no session or CSRF token: the response's signature, its InResponseTo and that cookie stand for them), which
 * starts the session and sends the browser on through {@code /saml/signed-in} to the reports;
 * {@code GET /saml/metadata} is what the identity providers are given. A refusal tells the person only that signing
 * in did not work (or, for a response this browser did not ask for, to start again here); the reason is in the audit
 * trail.
 *
 * <p>The cookie is {@code SameSite=None} so that it comes with the identity provider's cross-site post, which makes it
 * {@code Secure} too (browsers refuse {@code SameSite=None} without it). Browsers keep and send {@code Secure}
 * cookies over https, and over plain http only to {@code localhost} (a secure context): the local run works there,
 * plain http on any other host cannot sign in with SAML (docs/adr/0017).
 */
@WebServlet({"/saml/login", "/saml/acs", "/saml/metadata", SamlSignIn.SIGNED_IN})
public class SamlSignIn extends HttpServlet {

    static final String METADATA_TYPE = "application/samlmetadata+xml";
    static final String SIGNED_IN = "/saml/signed-in";
    private static final Logger LOG = Logger.getLogger(SamlSignIn.class.getName());
    private static final String SIGN_IN_TITLE = "Sign in";
    private static final String REFUSED_TITLE = "Signing in did not work";
    /** The browser's binding to the sign-in it started: sent only to /saml, kept only until the request expires. */
    static final String BINDING_COOKIE = "portal_saml_sign_in";

    @Inject
    SingleSignOn sso;

    @Inject
    PageRenderer pages;

    /** The sign-in page's choice of identity providers (one link per configured inspectorate), or null if none. */
    static Map<String, Object> choices(SingleSignOn sso) {
        List<Map<String, String>> choices = sso.inspectorates().stream()
                .map(i -> Map.of("code", i.name(), "title", i.title(), "href", "/saml/login?inspectorate=" + i.name()))
                .toList();
        return choices.isEmpty() ? null : Map.of("choices", choices);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        try {
            if (path.equals(SIGNED_IN)) {
                pages.render(response, 200, "saml-signed-in", PageModel.titled("Signed in").asMap());
            } else if (path.equals("/saml/metadata")) {
                metadata(response);
            } else if (path.equals("/saml/login")) {
                login(request, response);
            } else {
                response.setHeader("Allow", "POST");
                response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            }
        } catch (RuntimeException failure) {
            Problem problem = Problems.from(failure);
            pages.problem(response, problem, PageModel.titled(problem.title()));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.getServletPath().equals("/saml/acs")) {
            response.setHeader("Allow", "GET");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (sso.staffSignIn().isEmpty()) {
            notConfigured(response);
            return;
        }
        // used once whatever the outcome: a second post from this browser has no sign-in of its own to finish
        forgetBinding(request, response);
        try {
            Subject subject = sso.staffSignIn().get().complete(request.getParameter("SAMLResponse"),
                    bindingOf(request));
            PortalSession.signIn(request, response, subject);
            // The browser arrives here from the identity provider's site, so it would not send the new SameSite=Strict
            // cookie along a redirect to /reports: a page of ours moves it on, a same-site navigation that carries it.
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + SIGNED_IN);
        } catch (SsoRefused refused) {
            LOG.info(() -> "SAML sign-in refused: " + refused.reason());
            Problem problem = Problem.of("sign-in-refused", REFUSED_TITLE, 403,
                    SsoRefused.BROWSER_MISMATCH.equals(refused.reason())
                            ? "This sign-in was not started in this browser, or was started again in another tab. "
                                    + "Go back to the sign-in page and start again from this browser."
                            : "Your identity provider's answer could not be accepted. Try again, or ask your service "
                                    + "desk if it keeps happening.");
            pages.problem(response, problem, PageModel.titled(REFUSED_TITLE));
        } catch (RuntimeException failure) {
            Problem problem = Problems.from(failure);
            pages.problem(response, problem, PageModel.titled(problem.title()));
        }
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<IdentityProvider> identityProvider = sso.identityProvider();
        if (identityProvider.isEmpty()) {
            notConfigured(response);
            return;
        }
        Optional<Inspectorate> inspectorate = inspectorate(request.getParameter("inspectorate"))
                .filter(sso.inspectorates()::contains);
        if (inspectorate.isEmpty()) {
            choose(response, 404, "Choose an inspectorate whose sign-in is set up");
            return;
        }
        SignInRedirect redirect;
        try {
            redirect = identityProvider.get().startSignIn(inspectorate.get(), null);
        } catch (SsoRefused refused) {
            choose(response, 404, "Choose an inspectorate whose sign-in is set up");
            return;
        }
        response.addHeader("Set-Cookie",
                bindingCookie(request, redirect.browserBinding(), redirect.lifetime().toSeconds()));
        response.sendRedirect(redirect.location().toString());
    }

    private static String bindingOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (BINDING_COOKIE.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static void forgetBinding(HttpServletRequest request, HttpServletResponse response) {
        if (bindingOf(request) != null) {
            response.addHeader("Set-Cookie", bindingCookie(request, "", 0));
        }
    }

    static String bindingCookie(HttpServletRequest request, String value, long maxAgeSeconds) {
        return BINDING_COOKIE + "=" + value + "; Path=" + request.getContextPath() + "/saml; Max-Age=" + maxAgeSeconds
                + "; Secure; HttpOnly; SameSite=None";
    }

    private void metadata(HttpServletResponse response) throws IOException {
        Optional<IdentityProvider> identityProvider = sso.identityProvider();
        if (identityProvider.isEmpty()) {
            notConfigured(response);
            return;
        }
        byte[] xml = identityProvider.get().serviceProviderMetadata().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(METADATA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(xml.length);
        response.getOutputStream().write(xml);
    }

    private void choose(HttpServletResponse response, int status, String message) throws IOException {
        Problem problem = Problem.of("invalid-input", "Check the information you gave", status, null)
                .withErrors(List.of(new Problem.InvalidField("inspectorate", message)));
        pages.render(response, status, "sign-in", PageModel.titled(SIGN_IN_TITLE).errors(problem)
                .with("sso", choices(sso)).asMap());
    }

    private void notConfigured(HttpServletResponse response) throws IOException {
        Problem problem = Problem.of("not-found", "Signing in with your inspectorate's account is not set up", 404,
                "This portal has no inspectorate identity provider configured. Sign in with your username and "
                        + "password instead.");
        pages.problem(response, problem, PageModel.titled(problem.title()));
    }

    private static Optional<Inspectorate> inspectorate(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Inspectorate.valueOf(code.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
