package uk.gov.inspectorates.portal.deploy.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the load test's own figures come from, filled by Gatling's virtual users and the droppers as they go:
 * one sample per request (when it started, what, status, time, bytes, the problem type of a refusal), and every
 * upload answered 201 with the SHA-256 of the file it sent, for the byte-for-byte check afterwards.
 */
final class Recorder {

    /** One request; {@code status} 0 when no answer came (connection lost, timeout). */
    record Sample(long startedAtMillis, String kind, int status, long millis, long bytes, String problem) {

        long endedAtMillis() {
            return startedAtMillis + millis;
        }

        boolean upload() {
            return kind.startsWith("upload");
        }

        /** Not a clear "busy" answer and not what was asked for. */
        boolean error() {
            return status == 0 || status >= 500 && status != 503 || status >= 400 && status != 429 && status != 503
                    && !kind.equals("part cut short");
        }
    }

    /** An upload the portal answered 201: its document, who may read it back, the file's digest. */
    record Kept(String documentId, String readerUsername, String sha256, long bytes) {
    }

    private static final Pattern RULE = Pattern.compile("\"rule\"\\s*:\\s*\"([a-z0-9.-]+)\"");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"urn:inspectorates-portal:problem:([a-z-]+)\"");
    static final ConcurrentLinkedQueue<Sample> SAMPLES = new ConcurrentLinkedQueue<>();
    static final Map<String, Kept> KEPT = new ConcurrentHashMap<>();

    private Recorder() {
    }

    static void sample(String kind, int status, long millis, long bytes, String body) {
        String problem = null;
        if (status >= 400 && body != null) {
            Matcher type = TYPE.matcher(body);
            problem = type.find() ? type.group(1) : null;
            Matcher rule = RULE.matcher(body);
            if ((status == 429 || status == 503) && rule.find()) {
                problem = problem + " " + rule.group(1);
            }
        }
        SAMPLES.add(new Sample(System.currentTimeMillis() - millis, kind, status, millis, bytes, problem));
    }

    static void kept(String documentId, String readerUsername, String sha256, long bytes) {
        KEPT.put(documentId, new Kept(documentId, readerUsername, sha256, bytes));
    }

    /** The requests that ended (were answered, or failed) within the window. */
    static List<Sample> between(long fromMillis, long toMillis) {
        List<Sample> within = new ArrayList<>();
        for (Sample sample : SAMPLES) {
            if (sample.endedAtMillis() >= fromMillis && sample.endedAtMillis() < toMillis) {
                within.add(sample);
            }
        }
        return within;
    }
}
