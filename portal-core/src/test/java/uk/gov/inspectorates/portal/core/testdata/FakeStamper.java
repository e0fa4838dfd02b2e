package uk.gov.inspectorates.portal.core.testdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import uk.gov.inspectorates.portal.core.report.StampMarks;
import uk.gov.inspectorates.portal.core.report.StampedCopy;
import uk.gov.inspectorates.portal.core.report.Stamper;

/** Writes the marks' recipient line, a newline, then the original: enough to tell a stamped copy from the original. */
public final class FakeStamper implements Stamper {

    private boolean refuse;
    private StampMarks lastMarks;

    public void refuseEverything() {
        refuse = true;
    }

    /** The marks of the last copy stamped (null before the first). */
    public StampMarks lastMarks() {
        return lastMarks;
    }

    public static byte[] stampedAs(StampMarks marks, byte[] original) {
        byte[] line = (marks.recipientLine() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[line.length + original.length];
        System.arraycopy(line, 0, both, 0, line.length);
        System.arraycopy(original, 0, both, line.length, original.length);
        return both;
    }

    @Override
    public long maxDocumentBytes() {
        return Long.MAX_VALUE;
    }

    @Override
    public StampedCopy stamped(byte[] original, StampMarks marks) {
        if (refuse) {
            throw new UnstampableDocument("refused by the test", null);
        }
        lastMarks = marks;
        byte[] copy = stampedAs(marks, original);
        return new StampedCopy() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(copy);
            }

            @Override
            public void close() {
            }
        };
    }

    /** The whole of a copy as it would be served; the copy is closed. */
    public static byte[] written(StampedCopy copy) throws IOException {
        try (copy) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy.writeTo(out);
            return out.toByteArray();
        }
    }
}
