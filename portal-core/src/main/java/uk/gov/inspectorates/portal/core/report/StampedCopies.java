package uk.gov.inspectorates.portal.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.ref.Cleaner;
import java.time.Duration;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.StoredContent;

/**
 * Makes the stamped copy of an embargoed document (a report or a letter) in memory, within the stamping budget
 * that every copy being made shares: the one way a document under embargo becomes bytes to serve. The copy keeps its
 * share of the budget until it is closed, after it has been written to the reader or the writing failed.
 */
public final class StampedCopies {

    /**
     * The last resort for a copy that is never written nor closed (a response never sent): its share goes back when
     * the copy is collected, so a lost copy cannot shrink the budget for good.
     */
    private static final Cleaner UNCLOSED = Cleaner.create();

    /** The largest array the JVM reliably allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final DocumentStore store;
    private final Stamper stamper;
    private final StampingBudget budget;

    public StampedCopies(DocumentStore store, Stamper stamper, StampingBudget budget) {
        this.store = store;
        this.stamper = stamper;
        this.budget = budget;
    }

    /** A budget of half the heap, waiting up to 10 s for room. */
    public static StampingBudget defaultBudget() {
        return new StampingBudget(Runtime.getRuntime().maxMemory() / 2, Duration.ofSeconds(10));
    }

    /**
     * The copy, every page stamped, ready to be written; the caller closes it.
     *
     * @throws Stamper.UnstampableDocument when it is too large to stamp or cannot be stamped
     * @throws StampingBudget.Busy when other copies take the budget
     * @throws IOException when the stored content cannot be read
     */
    public StampedCopy of(StoredContent content, StampMarks marks) throws IOException {
        if (content.plaintextBytes() > stamper.maxDocumentBytes()) {
            throw new Stamper.UnstampableDocument("the document is larger than a stamped copy can be made of", null);
        }
        StampingBudget.Share share = budget.share(content.plaintextBytes());
        try {
            return new WithinBudget(stamper.stamped(plaintext(content), marks), share);
        } catch (IOException | RuntimeException e) {
            share.close();
            throw e;
        }
    }

    /**
     * The whole document in one array of its recorded length, read straight into it: the store decrypts whole
     * segments into the array it is given, so this is the one pass over the plaintext and the stamper reads the
     * array where it is (ADR 0038).
     *
     * @throws Stamper.UnstampableDocument when the content is not exactly as long as recorded: a stored document that
     *                                     does not match its record is not served, not even stamped in part
     */
    private byte[] plaintext(StoredContent content) throws IOException {
        long length = content.plaintextBytes();
        if (length < 0 || length > MAX_ARRAY) {
            throw new Stamper.UnstampableDocument("a document of " + length + " bytes cannot be stamped", null);
        }
        byte[] whole = new byte[(int) length];
        try (InputStream original = store.open(content)) {
            int read = original.readNBytes(whole, 0, whole.length);
            if (read < whole.length || original.read() != -1) {
                throw new Stamper.UnstampableDocument(
                        "the document is not the " + length + " bytes recorded for it", null);
            }
        }
        return whole;
    }

    private static final class WithinBudget implements StampedCopy {
        private final StampedCopy copy;
        private final Cleaner.Cleanable lastResort;

        WithinBudget(StampedCopy copy, StampingBudget.Share share) {
            this.copy = copy;
            this.lastResort = UNCLOSED.register(this, share::close);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            copy.writeTo(out);
        }

        @Override
        public void close() {
            try {
                copy.close();
            } finally {
                lastResort.clean();
            }
        }
    }
}
