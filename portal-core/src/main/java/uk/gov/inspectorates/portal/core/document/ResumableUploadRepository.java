package uk.gov.inspectorates.portal.core.document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.shared.PersistencePort;

/** Where resumable uploads are recorded between their requests. */
@PersistencePort
public interface ResumableUploadRepository {

    void add(ResumableUpload upload);

    Optional<ResumableUpload> find(String id);

    /** Records a stored part (replacing the tag of an earlier copy) and moves the expiry out. */
    void recordPart(String id, int part, String tag, Instant expiresAt);

    /** The type detected from the first part's bytes. */
    void recordMediaType(String id, String mediaType);

    void markAssembled(String id);

    void markReady(String id, String plaintextSha256);

    /** Deletes the record; true only for the call that deleted it (so an upload is attached at most once). */
    boolean remove(String id);

    /** Every upload not yet attached or discarded, whatever its status, soonest expiry first. */
    List<ResumableUpload> all();

    /**
     * How many of the owner's uploads are unfinished at {@code now}: still receiving or assembled but not yet checked,
     * and not expired (a completed, cancelled or expired upload no longer counts).
     */
    default int countUnfinished(String ownerUserId, Instant now) {
        return (int) all().stream()
                .filter(upload -> upload.ownerUserId().equals(ownerUserId))
                .filter(upload -> upload.status() != ResumableUpload.Status.READY)
                .filter(upload -> upload.expiresAt().isAfter(now))
                .count();
    }
}
