package uk.gov.inspectorates.portal.core.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.StoredContent;

/**
 * Makes the stamped copy of an embargoed document (a report or a letter) in memory, within the stamping budget
 * that every copy being made shares: the one way a document under embargo becomes bytes to serve.
 */
public final class StampedCopies {

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
     * The copy's bytes.
     *
     * @throws Stamper.UnstampableDocument when it is too large to stamp or cannot be stamped
     * @throws StampingBudget.Busy when other copies take the budget
     * @throws IOException when the stored content cannot be read
     */
    public byte[] of(StoredContent content, StampMarks marks) throws IOException {
        if (content.plaintextBytes() > stamper.maxDocumentBytes()) {
            throw new Stamper.UnstampableDocument("the document is larger than a stamped copy can be made of", null);
        }
        try {
            return budget.within(content.plaintextBytes(), () -> {
                ByteArrayOutputStream copy = new ByteArrayOutputStream();
                try (InputStream original = store.open(content)) {
                    stamper.stamp(original, marks, copy);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return copy.toByteArray();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
