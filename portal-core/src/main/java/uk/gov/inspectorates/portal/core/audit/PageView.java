package uk.gov.inspectorates.portal.core.audit;

import java.util.Set;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;

/**
 * One page shown to a person is one audit event (docs/adr/0034): while a page is being composed on this thread, the
 * first event recorded is the page's view and the other reads the page composes are folded into it (not written).
 * Refusals are never folded, nor what serves content ({@link AuditActions#SERVES_CONTENT}: downloads and exports),
 * sign-in and session events: each of those is its own event.
 * The web layer opens a page view around each GET of a page; outside one (the API, sweeps) nothing is folded.
 */
public final class PageView implements AutoCloseable {

    /** Sign-in and session events: never folded, and not what the page is about. */
    private static final Set<String> SESSION_EVENTS = Set.of(AuditActions.SIGN_IN, AuditActions.SIGN_OUT,
            AuditActions.SESSION_END);

    private static final ThreadLocal<PageView> CURRENT = new ThreadLocal<>();

    private final PageView outer;
    private boolean viewRecorded;
    private boolean anyRecorded;
    private int folded;

    private PageView(PageView outer) {
        this.outer = outer;
    }

    /** Opens a page view on this thread; close it when the page is written (try-with-resources). */
    public static PageView open() {
        PageView view = new PageView(CURRENT.get());
        CURRENT.set(view);
        return view;
    }

    /**
     * Whether the event is to be written: false only inside a page view, for a successful read after the page's
     * view event.
     */
    static boolean admits(AuditEvent event) {
        PageView view = CURRENT.get();
        if (view == null || SESSION_EVENTS.contains(event.action())) {
            return true;
        }
        view.anyRecorded = true;
        if (event.outcome() != Outcome.SUCCEEDED) {
            return true;
        }
        if (servesSomething(event) || !view.viewRecorded) {
            view.viewRecorded = true;
            return true;
        }
        view.folded++;
        return false;
    }

    /** Every download (REPORT_DOWNLOAD, LETTER_DOWNLOAD...) and every export (INSPECTION_EXPORT, the SIRO's). */
    static boolean servesSomething(AuditEvent event) {
        return AuditActions.SERVES_CONTENT.contains(event.action());
    }

    /**
     * Whether nothing about the page was recorded yet (a form, the administration pages: pages whose reads audit
     * nothing themselves); the web layer then records the page view itself, so that every page is one event.
     */
    public boolean nothingRecorded() {
        return !anyRecorded;
    }

    /** How many reads were folded into this page's view (for tests and logs). */
    public int folded() {
        return folded;
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
