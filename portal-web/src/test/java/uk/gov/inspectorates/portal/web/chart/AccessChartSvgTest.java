package uk.gov.inspectorates.portal.web.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import uk.gov.inspectorates.portal.core.accountability.AccessOverTime;
import uk.gov.inspectorates.portal.core.audit.AuditActivity.Count;
import uk.gov.inspectorates.portal.core.audit.AuditActivity.Period;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;

/** The chart drawn as SVG: well-formed XML whatever the names, accessible, refusals drawn apart. */
class AccessChartSvgTest {

    private static final Instant DAY_1 = Instant.parse("2027-01-04T00:00:00Z");
    private static final Instant DAY_3 = Instant.parse("2027-01-06T00:00:00Z");
    private static final String HOSTILE = "<script>alert('x')</script> & \"Sons\" \u0000\u0007]]>";

    private static AccessOverTime chart(List<Count> counts, Map<String, String> names) {
        return AccessOverTime.of("report r-1", Period.DAY, counts, names::get);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    @Test
    void isAnAccessibleImageWithTitleAndDescription() throws Exception {
        AccessOverTime chart = chart(List.of(new Count(DAY_1, "ofsted", "REPORT_VIEW", Outcome.SUCCEEDED, 3)),
                Map.of("ofsted", "Ofsted"));

        Document svg = parse(AccessChartSvg.document(chart));

        Element root = svg.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("img", root.getAttribute("role"));
        assertEquals("access-chart-title access-chart-desc", root.getAttribute("aria-labelledby"));
        Element title = elements(svg, "title").get(0);
        assertEquals("access-chart-title", title.getAttribute("id"));
        assertEquals("Access to report r-1 over time", title.getTextContent());
        Element desc = elements(svg, "desc").get(0);
        assertEquals("access-chart-desc", desc.getAttribute("id"));
        assertTrue(desc.getTextContent().startsWith("3 events by day from 4 Jan 2027 to 4 Jan 2027"),
                desc.getTextContent());
        assertTrue(desc.getTextContent().contains("0 refused"));
    }

    @Test
    void hostileOrganisationAndActionNamesAreEscapedAndStillValidXml() throws Exception {
        AccessOverTime chart = chart(List.of(
                new Count(DAY_1, "evil", HOSTILE, Outcome.SUCCEEDED, 2),
                new Count(DAY_1, "evil", HOSTILE, Outcome.DENIED, 1)), Map.of("evil", HOSTILE));

        String xml = AccessChartSvg.svg(chart, "c");
        Document svg = parse(xml);

        assertFalse(xml.contains("<script"), "markup in a name is text, never an element");
        assertTrue(elements(svg, "script").isEmpty());
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("<script>alert('x')</script> & \"Sons\" ]]>"), text);
        assertFalse(text.contains("\u0000") || text.contains("\u0007"), "characters XML cannot carry are dropped");
        assertTrue(elements(svg, "title").stream().anyMatch(t -> t.getTextContent()
                .contains("1 " + HOSTILE.substring(0, 29))), "the refusal's tooltip names the action");
    }

    @Test
    void refusalsAreDrawnApartInHatchedRedWithTheirCountAndALegend() throws Exception {
        AccessOverTime chart = chart(List.of(
                new Count(DAY_1, "ofsted", "REPORT_VIEW", Outcome.SUCCEEDED, 4),
                new Count(DAY_1, "cqc", "REPORT_DOWNLOAD", Outcome.DENIED, 2),
                new Count(DAY_3, "cqc", "REPORT_VIEW", Outcome.REFUSED, 1),
                new Count(DAY_3, "cqc", "REPORT_VIEW", Outcome.SUCCEEDED, 1)),
                Map.of("ofsted", "Ofsted", "cqc", "Care Quality Commission"));

        Document svg = parse(AccessChartSvg.svg(chart, "c"));

        List<Element> refused = elements(svg, "rect").stream()
                .filter(r -> r.getAttribute("class").equals("portal-access-chart__refused")).toList();
        assertEquals(2, refused.size(), "one refusal segment for each period with refusals (day 2 has none)");
        assertTrue(refused.stream().allMatch(r -> r.getAttribute("fill").equals("url(#c-refused)")));
        Element pattern = elements(svg, "pattern").get(0);
        assertEquals("c-refused", pattern.getAttribute("id"));
        assertEquals(AccessChartSvg.REFUSED_COLOUR, ((Element) pattern.getElementsByTagNameNS("*", "rect").item(0))
                .getAttribute("fill"));
        assertTrue(refused.get(0).getTextContent().contains("2 refused or denied (2 REPORT_DOWNLOAD by Care Quality"
                + " Commission)"), refused.get(0).getTextContent());
        assertTrue(elements(svg, "text").stream().anyMatch(t -> t.getTextContent().equals("2")
                && AccessChartSvg.REFUSED_COLOUR.equals(t.getAttribute("fill"))), "the count above the bar");
        assertTrue(elements(svg, "text").stream().anyMatch(t -> t.getTextContent()
                .equals("Refused or denied (any organisation)")));
        // no organisation is drawn in the refusals' red
        assertTrue(elements(svg, "rect").stream().noneMatch(r -> AccessChartSvg.REFUSED_COLOUR
                .equals(r.getAttribute("fill")) && r.getParentNode() != pattern));
        assertEquals(3, chart.bars().size(), "every day from the first to the last, the empty one too");
        assertEquals(0, chart.bars().get(1).total());
    }

    @Test
    void stackedBarsAreAsHighAsTheirCounts() throws Exception {
        AccessOverTime chart = chart(List.of(
                new Count(DAY_1, "ofsted", "REPORT_VIEW", Outcome.SUCCEEDED, 2),
                new Count(DAY_1, "cqc", "REPORT_VIEW", Outcome.SUCCEEDED, 1),
                new Count(DAY_1, "cqc", "REPORT_VIEW", Outcome.DENIED, 1)), Map.of());

        Document svg = parse(AccessChartSvg.svg(chart, "c"));

        List<Element> bars = elements(svg, "rect").stream()
                .filter(r -> r.getParentNode().getNodeName().equals("g")).toList();
        assertEquals(3, bars.size());
        double unit = Double.parseDouble(bars.get(0).getAttribute("height"));
        assertEquals(unit, Double.parseDouble(bars.get(1).getAttribute("height")) / 2, 0.01,
                "cqc (1) then ofsted (2), by name");
        assertEquals(unit, Double.parseDouble(bars.get(2).getAttribute("height")), 0.01);
    }

    /** Writes a sample chart to target/ for a look in a browser (not an assertion). */
    @Test
    void sampleForALook() throws Exception {
        List<Count> counts = new ArrayList<>();
        for (int d = 0; d < 20; d++) {
            Instant day = DAY_1.plusSeconds(86400L * d);
            counts.add(new Count(day, "ofsted", "REPORT_VIEW", Outcome.SUCCEEDED, d % 5 + 1));
            counts.add(new Count(day, "cqc", "REPORT_DOWNLOAD", Outcome.SUCCEEDED, d % 3));
            if (d % 6 == 2) {
                counts.add(new Count(day, "hmic", "REPORT_DOWNLOAD", Outcome.DENIED, 2));
            }
        }
        AccessOverTime chart = chart(counts.stream().filter(c -> c.events() > 0).toList(),
                Map.of("ofsted", "Ofsted", "cqc", "Care Quality Commission", "hmic", "HM Inspectorate of Constabulary"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "access-chart-sample.svg"),
                AccessChartSvg.document(chart));
        assertEquals(20, chart.bars().size());
    }

    @Test
    void emptyDataSaysSoAndIsStillValid() throws Exception {
        AccessOverTime chart = chart(List.of(), Map.of());

        Document svg = parse(AccessChartSvg.document(chart));

        assertTrue(svg.getDocumentElement().getTextContent().contains("No recorded access in your scope"));
        assertTrue(elements(svg, "desc").get(0).getTextContent().startsWith("No access to report r-1"));
        assertTrue(elements(svg, "g").isEmpty(), "no bars");
    }

    @Test
    void theAxisTopIsARoundNumberAtLeastTheHighestBar() {
        assertEquals(1, AccessChartSvg.niceTop(1));
        assertEquals(5, AccessChartSvg.niceTop(5));
        assertEquals(10, AccessChartSvg.niceTop(9));
        assertEquals(40, AccessChartSvg.niceTop(37));
        assertEquals(100, AccessChartSvg.niceTop(100));
        assertEquals(150, AccessChartSvg.niceTop(101));
        assertEquals(2, AccessChartSvg.niceStep(9));
    }
}
