package uk.gov.inspectorates.portal.deploy.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A deployment driven through its pages: one headless Chromium for the class's tests, each in its own context. */
abstract class BrowserDeployment extends PortalDeployment {

    protected static BrowserSession browser;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
