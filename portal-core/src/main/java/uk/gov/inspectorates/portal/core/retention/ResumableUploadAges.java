package uk.gov.inspectorates.portal.core.retention;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.document.ResumableUpload;
import uk.gov.inspectorates.portal.core.document.ResumableUploads;

/**
 * Unfinished resumable uploads, counted from their last part: the RESUMABLE_UPLOADS policy decides when they go
 * (their key destroyed, their stored parts and record removed), which replaces the fixed expiry run.
 */
public final class ResumableUploadAges implements AgedRecords {

    private final ResumableUploads uploads;

    public ResumableUploadAges(ResumableUploads uploads) {
        this.uploads = Objects.requireNonNull(uploads, "uploads");
    }

    @Override
    public RetentionCategory category() {
        return RetentionCategory.RESUMABLE_UPLOADS;
    }

    @Override
    public String kind() {
        return "UPLOAD";
    }

    @Override
    public List<Aged> all() {
        return uploads.unfinished().stream().map(this::aged).toList();
    }

    @Override
    public Optional<Aged> find(String id) {
        return uploads.unfinished().stream().filter(upload -> upload.id().equals(id)).findFirst().map(this::aged);
    }

    @Override
    public boolean remove(String id, Instant since) {
        return uploads.discardByPolicy(id, since);
    }

    private Aged aged(ResumableUpload upload) {
        return new Aged(upload.id(), "an unfinished upload (" + upload.status().name().toLowerCase(java.util.Locale.ROOT) + ", "
                + upload.receivedBytes() + " bytes received)", uploads.lastPartAt(upload));
    }
}
