package uk.gov.inspectorates.portal.web.pages;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.organisation.AgencyType;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;

/**
 * The JTAI templates render what the pages give them: the category 1 banner only when there is an open one, a
 * referral's step form only for whoever may take it, the marking top and bottom, and typed text escaped.
 */
class JtaiTemplatesTest {

    private static final Subject UPLOADER = new Subject("u1", "agency.uploader", "Amir Uploader",
            Organisation.agency("northdale-childrens-services", "Northdale Council Children's Services",
                    AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES, "northdale"), Set.of(Role.AGENCY_UPLOADER),
            Set.of());

    private static String render(String template, PageModel model) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                JtaiTemplatesTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> method.getName().equals("getWriter") ? writer : null);
        try {
            new PageRenderer().render(response, 200, template, model.asMap());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Map<String, Object> referral(boolean seriousOpen) {
        Map<String, Object> referral = new HashMap<>();
        referral.put("id", "r1");
        referral.put("agency", "Northdale Council Children's Services");
        referral.put("caseNumbers", List.of("CS-2026-0417"));
        referral.put("category", 1);
        referral.put("seriousOpen", seriousOpen);
        referral.put("issues", "<script>alert(1)</script>");
        referral.put("stage", "Awaiting the agency's response");
        return referral;
    }

    private static PageModel referralPage(boolean seriousOpen, Map<String, Object> step) {
        return PageModel.titled("Referral of concern").signedIn(UPLOADER, "the-csrf-token")
                .with("marking", "OFFICIAL-SENSITIVE").with("inspectionId", "i1").with("referral", referral(seriousOpen))
                .with("step", step).with("text", "");
    }

    @Test
    void anOpenCategory1ReferralIsFlaggedAndItsStepOfferedWithTheToken() {
        String html = render("referral", referralPage(true, Map.of("name", "RESPONSE", "hasText", true, "heading",
                "Record the agency's response", "label", "Response", "hint", "By job title", "button",
                "Record response")));

        assertTrue(html.contains("id=\"category-1-banner\""), html);
        assertTrue(html.contains("name=\"step\" value=\"RESPONSE\""), html);
        assertTrue(html.contains("action=\"/inspections/i1/referrals/r1\""), html);
        assertTrue(html.contains("name=\"csrfToken\" value=\"the-csrf-token\""), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>alert"), html);
        assertTrue(html.contains("id=\"marking-top\"") && html.contains("id=\"marking-bottom\""), html);
    }

    @Test
    void aSignedOffReferralIsNotFlaggedAndOffersNoForm() {
        String html = render("referral", referralPage(false, null));

        assertFalse(html.contains("category-1-banner"), html);
        assertFalse(html.contains("name=\"step\""), html);
    }

    @Test
    void theBannerShowsOnAnAgencysPagesOnlyWhenAReferralIsOpen() {
        Map<String, Object> open = Map.of("any", true, "items", List.of(Map.of("link", "/inspections/i1/referrals/r1",
                "agency", "Northdale Council Children's Services", "stage", "Awaiting the agency's response",
                "requiredBy", "8 December 2026, 5:00pm")));
        PageModel due = PageModel.titled("What is due").signedIn(UPLOADER, "t").with("items", List.of())
                .with("hasItems", false).with("inspectorateStaff", false);

        String flagged = render("due", due.with("seriousConcerns", open));
        assertTrue(flagged.contains("id=\"category-1-banner\""), flagged);
        assertTrue(flagged.contains("href=\"/inspections/i1/referrals/r1\""), flagged);

        String quiet = render("due", due.with("seriousConcerns", Map.of("any", false, "items", List.of())));
        assertFalse(quiet.contains("category-1-banner"), quiet);
        assertTrue(quiet.contains("Nothing is due"), quiet);
    }
}
