package uk.gov.inspectorates.portal.core.testdata;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import uk.gov.inspectorates.portal.core.document.ResumableUpload;
import uk.gov.inspectorates.portal.core.document.ResumableUpload.Status;
import uk.gov.inspectorates.portal.core.document.ResumableUploadRepository;

/** Keeps uploads in memory; updating an upload that is not (or no longer) recorded is an error, not a no-op. */
public final class InMemoryResumableUploadRepository implements ResumableUploadRepository {

    private final Map<String, ResumableUpload> uploads = new LinkedHashMap<>();
    private Runnable beforeNextRemove;

    /** Runs the action just before the next {@link #remove}, as a concurrent request would (e.g. another claim). */
    public void beforeNextRemove(Runnable action) {
        this.beforeNextRemove = action;
    }

    @Override
    public void add(ResumableUpload upload) {
        if (uploads.putIfAbsent(upload.id(), upload) != null) {
            throw new IllegalStateException("duplicate upload id " + upload.id());
        }
    }

    @Override
    public Optional<ResumableUpload> find(String id) {
        return Optional.ofNullable(uploads.get(id));
    }

    @Override
    public void recordPart(String id, int part, String tag, Instant expiresAt) {
        update(id, u -> {
            Map<Integer, String> tags = new HashMap<>(u.partTags());
            tags.put(part, tag);
            return new ResumableUpload(u.id(), u.ownerUserId(), u.ownerOrganisationId(), u.purpose(), u.fileName(),
                    u.content(), u.status(), tags, u.mediaType(), u.plaintextSha256(), u.createdAt(), expiresAt);
        });
    }

    @Override
    public void recordMediaType(String id, String mediaType) {
        update(id, u -> new ResumableUpload(u.id(), u.ownerUserId(), u.ownerOrganisationId(), u.purpose(),
                u.fileName(), u.content(), u.status(), u.partTags(), mediaType, u.plaintextSha256(), u.createdAt(),
                u.expiresAt()));
    }

    @Override
    public void markAssembled(String id) {
        update(id, u -> withStatus(u, Status.ASSEMBLED, u.plaintextSha256()));
    }

    @Override
    public void markReady(String id, String plaintextSha256) {
        update(id, u -> withStatus(u, Status.READY, plaintextSha256));
    }

    @Override
    public boolean remove(String id) {
        Runnable concurrently = beforeNextRemove;
        beforeNextRemove = null;
        if (concurrently != null) {
            concurrently.run();
        }
        return uploads.remove(id) != null;
    }


    @Override
    public List<ResumableUpload> all() {
        return List.copyOf(uploads.values());
    }

    private void update(String id, UnaryOperator<ResumableUpload> change) {
        ResumableUpload upload = uploads.get(id);
        if (upload == null) {
            throw new NoSuchElementException("no upload " + id);
        }
        uploads.put(id, change.apply(upload));
    }

    private static ResumableUpload withStatus(ResumableUpload u, Status status, String sha256) {
        return new ResumableUpload(u.id(), u.ownerUserId(), u.ownerOrganisationId(), u.purpose(), u.fileName(),
                u.content(), status, u.partTags(), u.mediaType(), sha256, u.createdAt(), u.expiresAt());
    }
}
