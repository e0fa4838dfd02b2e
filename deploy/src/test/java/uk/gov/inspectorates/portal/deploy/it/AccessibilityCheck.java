package uk.gov.inspectorates.portal.deploy.it;

import com.microsoft.playwright.Page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs axe-core (the npm package, installed by the build: docs/adr/0024) in a page and returns its violations of
 * WCAG 2.2 level A and AA. The script is handed to the page with {@code page.evaluate} rather than a script tag, so
 * that it also runs where the page's own scripts cannot: in contexts with JavaScript disabled and under the
 * portal's Content-Security-Policy, which allows no inline script.
 *
 * <p>Nothing is disabled: every rule with one of {@link #TAGS} runs on every element.
 */
final class AccessibilityCheck {

    /** WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2 added no level A success criterion that axe tests). */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** Cheap first look, so that axe is not sent to a PDF or an image. */
    private static final String IS_HTML =
            "() => document.contentType === 'text/html' || document.contentType === 'application/xhtml+xml'";

    /**
     * axe-core's source inlined in the evaluated function (its UMD wrapper sets {@code window.axe}; neither a
     * script element nor {@code eval}, which a CSP without 'unsafe-eval' would refuse), then one run on the whole
     * document, keeping only what a report needs.
     *
     * <p>In a page whose scripts are disabled Chromium still runs evaluated code and its promises, but never a timer,
     * and axe-core yields with {@code setTimeout(..., 0)} between rules: there, and only there (no script of the page
     * can notice), zero-delay timers are run as promise jobs, and longer ones, which axe-core sets only as deadlines
     * for its failure paths (frames that never answer, assets that never load), are never run.
     */
    private static String run(String axeSource) {
        return "async ({ tags, withoutEventLoop }) => {\n"
                + """
                if (withoutEventLoop && !window.axe) {
                  window.setTimeout = (callback, delay, ...args) => {
                    if (!(delay > 1)) {
                      Promise.resolve().then(() => callback(...args));
                    }
                    return 0;
                  };
                  window.clearTimeout = () => {};
                }
                """
                + "if (!window.axe) {\n" + axeSource + "\n}\n"
                + """
                const results = await window.axe.run(document, {
                  runOnly: { type: 'tag', values: tags },
                  resultTypes: ['violations']
                });
                return {
                  version: window.axe.version,
                  url: results.url,
                  violations: results.violations.map(v => ({
                    id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({ target: n.target.join(' '), html: n.html, summary: n.failureSummary || '' }))
                  }))
                };
                }""";
    }

    private final String script;
    private final String expectedVersion;

    private AccessibilityCheck(String axeSource, String expectedVersion) {
        this.script = run(axeSource);
        this.expectedVersion = expectedVersion;
    }

    /**
     * The axe-core that the build installed ({@code portal.test.axeCore}, set by failsafe), of the version the
     * build pins ({@code portal.test.axeCoreVersion}).
     */
    static AccessibilityCheck installed() {
        String file = System.getProperty("portal.test.axeCore");
        String version = System.getProperty("portal.test.axeCoreVersion");
        if (file == null || version == null) {
            throw new IllegalStateException("portal.test.axeCore and portal.test.axeCoreVersion are not set: run the "
                    + "browser tests through Maven (mvn -pl deploy -am verify -Dit.test=...), which installs axe-core");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing: the deploy module's build installs it (npm ci in "
                    + "the pre-integration-test phase)");
        }
        try {
            return new AccessibilityCheck(Files.readString(path, StandardCharsets.UTF_8), version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The page's violations; empty when it has none, and when it is not an HTML page. {@code scriptsDisabled}: the
     * page is in a context with JavaScript disabled.
     */
    @SuppressWarnings("unchecked")
    List<Violation> violations(Page page, boolean scriptsDisabled) {
        if (!Boolean.TRUE.equals(page.evaluate(IS_HTML))) {
            return List.of();
        }
        Map<String, Object> result = (Map<String, Object>) page.evaluate(script,
                Map.of("tags", TAGS, "withoutEventLoop", scriptsDisabled));
        String version = (String) result.get("version");
        if (!expectedVersion.equals(version)) {
            throw new IllegalStateException("axe-core " + version + " ran, but the build pins " + expectedVersion
                    + ": run the deploy module's build again (it re-installs target/axe-core)");
        }
        String url = (String) result.get("url");
        List<Violation> violations = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result.get("violations")) {
            List<Node> nodes = new ArrayList<>();
            for (Map<String, Object> n : (List<Map<String, Object>>) v.get("nodes")) {
                nodes.add(new Node((String) n.get("target"), (String) n.get("html"), (String) n.get("summary")));
            }
            violations.add(new Violation(url, (String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                    (String) v.get("helpUrl"), nodes));
        }
        return violations;
    }

    /** A rule that a page breaks, with the elements that break it. */
    record Violation(String url, String rule, String impact, String help, String helpUrl, List<Node> nodes) {

        String report() {
            StringBuilder out = new StringBuilder();
            out.append("  ").append(rule).append(" (").append(impact).append("): ").append(help)
                    .append(" [").append(helpUrl).append("]\n");
            for (Node node : nodes) {
                out.append("    at ").append(node.target()).append(": ").append(node.html()).append('\n');
                if (!node.summary().isEmpty()) {
                    out.append("      ").append(node.summary().replace("\n", "\n      ")).append('\n');
                }
            }
            return out.toString();
        }
    }

    /** An element that breaks a rule: its CSS selector, its markup, and what axe says to fix. */
    record Node(String target, String html, String summary) {
    }
}
