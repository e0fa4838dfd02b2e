package uk.gov.inspectorates.portal.deploy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * A deployment driven through its pages: one headless Chromium for the class's tests, each in its own context.
 * Every page the tests open is checked with axe-core ({@link BrowserSession}).
 */
abstract class BrowserDeployment extends PortalDeployment {

    protected static BrowserSession browser;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start();
    }

    /** Every page a test opened passes axe-core (WCAG 2.2 AA), or the test fails with the violations. */
    @AfterEach
    void everyPageOpenedWasAccessible() {
        browser.assertAccessible();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
