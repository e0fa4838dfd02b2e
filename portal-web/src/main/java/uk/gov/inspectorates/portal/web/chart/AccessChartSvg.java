package uk.gov.inspectorates.portal.web.chart;

import java.util.List;
import java.util.Locale;
import uk.gov.inspectorates.portal.core.accountability.AccessOverTime;
import uk.gov.inspectorates.portal.core.accountability.AccessOverTime.Bar;
import uk.gov.inspectorates.portal.core.accountability.AccessOverTime.Party;

/**
 * Draws a chart of access over time as SVG on the server (docs/adr/0035), so it needs no script: a stacked bar a
 * period, coloured by the actor's organisation (GOV.UK colours), and the period's refusals stacked on top in GOV.UK
 * red with white hatching and their count above the bar, so that they stand out without relying on colour alone.
 * Accessible as an image ({@code role="img"}, {@code <title>}, {@code <desc>}); the page puts a table of the same
 * figures next to it. Every text from the data is escaped, and characters XML cannot carry are dropped.
 */
public final class AccessChartSvg {

    /** GOV.UK colours for the organisations, red left out: red means refused. */
    static final List<String> PARTY_COLOURS = List.of("#1d70b8", "#00703c", "#4c2c92", "#f47738", "#28a197",
            "#d53880", "#b58840", "#003078", "#6f72af", "#505a5f");
    static final String REFUSED_COLOUR = "#d4351c";
    private static final String TEXT = "#0b0c0c";
    private static final String GRID = "#b1b4b6";

    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 24;
    private static final int PLOT_HEIGHT = 240;
    private static final int AXIS_LABELS = 40;
    private static final int LEGEND_ROW = 22;
    private static final int MIN_WIDTH = 760;

    private AccessChartSvg() {
    }

    /** The chart as a standalone SVG document (for image/svg+xml). */
    public static String document(AccessOverTime chart) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(chart, "access-chart");
    }

    /** The chart as an {@code <svg>} element to put inline in a page; {@code idPrefix} keeps its ids unique. */
    public static String svg(AccessOverTime chart, String idPrefix) {
        List<Bar> bars = chart.bars();
        int slot = bars.isEmpty() ? 0 : Math.max(3, Math.min(48, (MIN_WIDTH - LEFT - RIGHT) / bars.size()));
        int plotWidth = Math.max(MIN_WIDTH - LEFT - RIGHT, slot * bars.size());
        int width = LEFT + plotWidth + RIGHT;
        int legendItems = chart.parties().size() + 1;
        int legendPerRow = Math.max(1, width / 240);
        int legendRows = (legendItems + legendPerRow - 1) / legendPerRow;
        int height = TOP + PLOT_HEIGHT + AXIS_LABELS + legendRows * LEGEND_ROW + 8;
        String titleId = idPrefix + "-title";
        String descId = idPrefix + "-desc";

        StringBuilder svg = new StringBuilder(4096 + bars.size() * 400);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"").append(titleId)
                .append(' ').append(descId).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" font-family=\"arial, sans-serif\" font-size=\"12\" class=\"portal-access-chart\">\n");
        svg.append("<title id=\"").append(titleId).append("\">").append(text("Access to " + chart.about()
                + " over time")).append("</title>\n");
        svg.append("<desc id=\"").append(descId).append("\">").append(text(description(chart))).append("</desc>\n");
        svg.append("<defs><pattern id=\"").append(idPrefix).append("-refused\" width=\"6\" height=\"6\""
                + " patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\""
                + " fill=\"").append(REFUSED_COLOUR).append("\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\""
                + " stroke=\"#ffffff\" stroke-width=\"2\"/></pattern></defs>\n");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>\n");

        if (bars.isEmpty()) {
            svg.append("<text x=\"").append(width / 2).append("\" y=\"").append(TOP + PLOT_HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" fill=\"").append(TEXT).append("\" font-size=\"16\">")
                    .append(text("No recorded access in your scope")).append("</text>\n");
        } else {
            long top = niceTop(chart.highestBar());
            axes(svg, top, plotWidth);
            for (int i = 0; i < bars.size(); i++) {
                bar(svg, chart, bars.get(i), LEFT + i * slot, slot, top, idPrefix);
            }
            xLabels(svg, bars, slot);
        }
        legend(svg, chart, idPrefix, TOP + PLOT_HEIGHT + AXIS_LABELS, legendPerRow);
        svg.append("</svg>\n");
        return svg.toString();
    }

    static String description(AccessOverTime chart) {
        if (chart.empty()) {
            return "No access to " + chart.about() + " is recorded in your scope.";
        }
        List<Bar> bars = chart.bars();
        return chart.totalEvents() + " events by " + chart.periodName() + " from " + bars.get(0).label() + " to "
                + bars.get(bars.size() - 1).label() + ", by organisation: " + chart.parties().stream()
                .map(Party::name).reduce((a, b) -> a + ", " + b).orElse("none") + ". " + chart.totalRefused()
                + " refused or denied, drawn in hatched red with their count above the bar."
                + " A table of the same figures follows the chart.";
    }

    private static void axes(StringBuilder svg, long top, int plotWidth) {
        int bottom = TOP + PLOT_HEIGHT;
        long step = niceStep(top);
        for (long value = 0; value <= top; value += step) {
            int y = bottom - (int) Math.round((double) value * PLOT_HEIGHT / top);
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(y).append("\" x2=\"")
                    .append(LEFT + plotWidth).append("\" y2=\"").append(y).append("\" stroke=\"").append(GRID)
                    .append("\" stroke-width=\"1\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y + 4)
                    .append("\" text-anchor=\"end\" fill=\"").append(TEXT).append("\">").append(value)
                    .append("</text>\n");
        }
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(bottom).append("\" stroke=\"").append(TEXT).append("\"/>");
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(bottom).append("\" x2=\"")
                .append(LEFT + plotWidth).append("\" y2=\"").append(bottom).append("\" stroke=\"").append(TEXT)
                .append("\"/>\n");
        svg.append("<text x=\"12\" y=\"").append(TOP + PLOT_HEIGHT / 2).append("\" fill=\"").append(TEXT)
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 12 ").append(TOP + PLOT_HEIGHT / 2)
                .append(")\">Events</text>\n");
    }

    private static void bar(StringBuilder svg, AccessOverTime chart, Bar bar, int x, int slot, long top,
                            String idPrefix) {
        int width = Math.max(1, slot - Math.max(1, slot / 5));
        double y = TOP + PLOT_HEIGHT;
        svg.append("<g class=\"portal-access-chart__bar\">");
        for (int p = 0; p < chart.parties().size(); p++) {
            long n = bar.succeededByParty().get(p);
            if (n == 0) {
                continue;
            }
            double h = (double) n * PLOT_HEIGHT / top;
            y -= h;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(num(y)).append("\" width=\"").append(width)
                    .append("\" height=\"").append(num(h)).append("\" fill=\"").append(colour(p)).append("\"><title>")
                    .append(text(bar.label() + ": " + n + " by " + chart.parties().get(p).name()))
                    .append("</title></rect>");
        }
        if (bar.refused() > 0) {
            double h = (double) bar.refused() * PLOT_HEIGHT / top;
            y -= h;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(num(y)).append("\" width=\"").append(width)
                    .append("\" height=\"").append(num(h)).append("\" fill=\"url(#").append(idPrefix)
                    .append("-refused)\" stroke=\"").append(TEXT).append("\" stroke-width=\"1\""
                            + " class=\"portal-access-chart__refused\"><title>")
                    .append(text(bar.label() + ": " + bar.refused() + " refused or denied ("
                            + String.join("; ", bar.refusals()) + ")"))
                    .append("</title></rect>");
            svg.append("<text x=\"").append(num(x + width / 2.0)).append("\" y=\"").append(num(Math.max(12, y - 4)))
                    .append("\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"").append(REFUSED_COLOUR)
                    .append("\">").append(bar.refused()).append("</text>");
        }
        svg.append("</g>\n");
    }

    private static void xLabels(StringBuilder svg, List<Bar> bars, int slot) {
        int every = Math.max(1, (int) Math.ceil(bars.size() * 110.0 / Math.max(1, bars.size() * slot)));
        int y = TOP + PLOT_HEIGHT + 16;
        for (int i = 0; i < bars.size(); i += every) {
            svg.append("<text x=\"").append(LEFT + i * slot).append("\" y=\"").append(y).append("\" fill=\"")
                    .append(TEXT).append("\">").append(text(bars.get(i).label())).append("</text>\n");
        }
    }

    private static void legend(StringBuilder svg, AccessOverTime chart, String idPrefix, int top, int perRow) {
        int item = 0;
        for (int p = 0; p <= chart.parties().size(); p++) {
            boolean refused = p == chart.parties().size();
            int x = LEFT + (item % perRow) * 240;
            int y = top + (item / perRow) * LEGEND_ROW;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"14\" height=\"14\""
                    + " fill=\"").append(refused ? "url(#" + idPrefix + "-refused)" : colour(p)).append('"')
                    .append(refused ? " stroke=\"" + TEXT + "\"" : "").append("/>");
            svg.append("<text x=\"").append(x + 20).append("\" y=\"").append(y + 12).append("\" fill=\"").append(TEXT)
                    .append("\">").append(text(refused ? "Refused or denied (any organisation)"
                            : shorten(chart.parties().get(p).name()))).append("</text>\n");
            item++;
        }
    }

    private static String colour(int party) {
        return PARTY_COLOURS.get(party % PARTY_COLOURS.size());
    }

    /** The y axis' step: the smallest 1, 2 or 5 times a power of ten that needs at most five steps. */
    static long niceStep(long highest) {
        for (long power = 1; ; power *= 10) {
            for (long factor : new long[] {1, 2, 5}) {
                long step = factor * power;
                if ((Math.max(1, highest) + step - 1) / step <= 5) {
                    return step;
                }
            }
        }
    }

    /** The y axis' top: the highest bar rounded up to a whole step. */
    static long niceTop(long highest) {
        long step = niceStep(highest);
        return Math.max(1, (highest + step - 1) / step) * step;
    }

    private static String shorten(String name) {
        return name.codePointCount(0, name.length()) <= 34 ? name
                : name.substring(0, name.offsetByCodePoints(0, 33)) + "…";
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Text for an XML text node or attribute: markup escaped, characters XML 1.0 cannot carry dropped. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    if (allowed) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
