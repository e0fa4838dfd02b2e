package uk.gov.inspectorates.portal.web.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.document.UploadAdmission;
import uk.gov.inspectorates.portal.core.document.UploadMemory;
import uk.gov.inspectorates.portal.core.document.UploadTurns;
import uk.gov.inspectorates.portal.core.shared.Busy;
import uk.gov.inspectorates.portal.web.api.Problem;
import uk.gov.inspectorates.portal.web.api.Problems;

/**
 * Where the upload requests take their uploader's place ({@link UploadAdmission}, docs/adr/0039), their turn to be
 * received ({@link UploadTurns}, docs/adr/0048) and their share of the portal's upload memory ({@link UploadMemory},
 * ADR 0039 addendum 2): a file of a one-request upload and a part of a resumable upload are stored only while all three
 * are held, and all are freed when the request ends, however it ends. A refused request is answered with
 * {@code Connection: close} after at most {@link #DISCARD_LIMIT_BYTES} of its body was read and thrown away here (not
 * parsed); the container reads what is left at the network level before it closes, so the client, still sending,
 * reads the answer rather than a reset (ADR 0048 records what clients saw).
 */
@ApplicationScoped
public class UploadPlaces {

    /** A refused body beyond this is not read: the connection is closed after the answer. */
    static final long DISCARD_LIMIT_BYTES = 4L * 1024 * 1024;
    /** Set on a refused request: its answer goes with {@code Connection: close} ({@link SenderStreamFilter}). */
    static final String CLOSE_AFTER_ANSWER = UploadPlaces.class.getName() + ".closeAfterAnswer";
    private static final Logger LOG = Logger.getLogger(UploadPlaces.class.getName());

    @Inject
    UploadAdmission admission;

    @Inject
    UploadTurns turns;

    @Inject
    UploadMemory memory;

    public UploadPlaces() {
    }

    public UploadPlaces(UploadAdmission admission, UploadTurns turns, UploadMemory memory) {
        this.admission = admission;
        this.turns = turns;
        this.memory = memory;
    }

    /** Stores what an upload request brings (opening its stream included). */
    @FunctionalInterface
    public interface Storing<R> {
        R store() throws IOException;
    }

    /**
     * Runs {@code store} with a place of the subject's and the request's share of the uploads' memory held, or throws
     * {@link Busy} having stored nothing. A sender that stops sending ends it as {@link UploadAbandoned}.
     */
    public <R> R holding(Subject subject, HttpServletRequest request, Storing<R> store) {
        try (UploadAdmission.Place place = orRefused(request, () -> admission.admitUpload(subject));
             UploadTurns.Turn turn = orRefused(request, () -> turns.take(subject.userId()));
             UploadMemory.Held held = orRefused(request, memory::admitRequest)) {
            return store.store();
        } catch (IOException | RuntimeException e) {
            if (SenderStreamFilter.bySender(e)) {
                LOG.log(Level.FINE, "an upload's sender stopped sending", e);
                throw new UploadAbandoned(e);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("the upload was interrupted", io);
            }
            throw (RuntimeException) e;
        }
    }

    /** What {@code take} gives, or, when it is {@link Busy}, the request refused (its body discarded) and the busy. */
    private static <T> T orRefused(HttpServletRequest request, Supplier<T> take) {
        try {
            return take.get();
        } catch (Busy busy) {
            refused(request);
            throw busy;
        }
    }

    /**
     * Completes a resumable upload in its turn: the completion reads the whole file back through the scanner, so it
     * waits in the same queue as the uploads being received (a completion has no body: nothing to discard).
     */
    public <R> R completing(Subject subject, Supplier<R> complete) {
        try (UploadTurns.Turn turn = turns.take(subject.userId())) {
            return complete.get();
        }
    }

    /** Starts a resumable upload unless the subject has as many unfinished as allowed. */
    public <R> R starting(Subject subject, Supplier<R> start) {
        return admission.startUnfinished(subject, start);
    }

    /**
     * The problem a page's upload form shows in its GOV.UK error summary, against its file field, when the uploader
     * has too many uploads at once; the response gets its {@code Retry-After}.
     */
    public static Problem onForm(Busy busy, String fileField, HttpServletResponse response) {
        Problem problem = Problems.from(busy);
        problem.retryAfter().ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
        return problem.withErrors(List.of(new Problem.InvalidField(fileField, problem.detail())));
    }

    private static void refused(HttpServletRequest request) {
        request.setAttribute(CLOSE_AFTER_ANSWER, Boolean.TRUE);
        try {
            InputStream body = request.getInputStream();
            long discarded = body.skip(DISCARD_LIMIT_BYTES);
            while (discarded < DISCARD_LIMIT_BYTES && body.read() >= 0) {
                discarded += 1 + body.skip(DISCARD_LIMIT_BYTES - discarded - 1);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "the rest of a refused upload could not be read", e);
        }
    }
}
