package uk.gov.inspectorates.portal.deploy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole of a stamped download through the running portal, for the split that {@link StampBench} cannot show: a
 * reader's {@code GET} of the stamped copy of the 300-page report (session, access gate, audit row, reading and
 * decrypting the stored ciphertext, stamping, writing, HTTP on loopback), and the same PDF uploaded as evidence and
 * downloaded unstamped (everything but the stamping). Medians of alternating runs after warm-ups; the sign-ins and
 * uploads are not timed. Context rows: the target is on {@link StampBench}'s in-JVM ratio.
 */
final class StampedOverHttp {

    /** Seconds (medians): the reader's stamped copy, and the same bytes as unstamped evidence. */
    record Result(double stamped, double unstamped, long bytes) {
    }

    private StampedOverHttp() {
    }

    static Result run(URI base, String password, PortalClient uploader, PortalClient lead, String requestPath, int reps)
            throws IOException, InterruptedException {
        byte[] report = StampBench.textReport(300);
        String reportId = PortalClient.signIn(base, "ofsted.inspector", password).shareReport(report);
        PortalClient cqcReader = PortalClient.signIn(base, "cqc.reader", password);
        String evidenceId = uploader.upload(requestPath, report);
        List<Double> stamped = new ArrayList<>();
        List<Double> unstamped = new ArrayList<>();
        for (int rep = -StampBench.WARM_UPS; rep < Math.max(StampBench.MIN_REPS, reps); rep++) {
            double s = timed(() -> cqcReader.stampedCopy(reportId));
            double u = timed(() -> lead.download(evidenceId));
            if (rep >= 0) {
                stamped.add(s);
                unstamped.add(u);
            }
        }
        return new Result(Stats.median(stamped), Stats.median(unstamped), report.length);
    }

    private interface Request {
        InputStream send() throws IOException, InterruptedException;
    }

    /** From sending the request to the body's last byte; at least 1 KiB must arrive. */
    private static double timed(Request request) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        long bytes;
        try (InputStream in = request.send()) {
            bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (bytes < 1024) {
            throw new IOException("only " + bytes + " bytes arrived");
        }
        return seconds;
    }
}
