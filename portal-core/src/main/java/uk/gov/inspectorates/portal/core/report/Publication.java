package uk.gov.inspectorates.portal.core.report;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * Where and when a report is (or will be) published. From {@code publishedAt} the pre-publication copy is no longer
 * served to anyone: readers are sent to {@code publishedUrl}. A time in the future schedules the end of the embargo.
 */
public record Publication(URI publishedUrl, Instant publishedAt, String recordedBy, Instant recordedAt) {

    public Publication {
        Objects.requireNonNull(publishedUrl, "publishedUrl");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    public boolean reachedAt(Instant now) {
        return !publishedAt.isAfter(now);
    }
}
