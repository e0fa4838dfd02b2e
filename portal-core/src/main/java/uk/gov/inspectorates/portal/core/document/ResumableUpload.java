package uk.gov.inspectorates.portal.core.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A file arriving in parts over as many requests as the sender needs (docs/adr/0009). Parts are encrypted and stored
 * as they arrive; once all are in, the upload is assembled, checked (type from its first bytes, malware scan of the
 * whole), and only then {@link Status#READY} to be attached to what it was uploaded for, by its owner only.
 */
public record ResumableUpload(String id, String ownerUserId, String ownerOrganisationId, UploadPurpose purpose,
                              String fileName, PartedContent content, Status status, Map<Integer, String> partTags,
                              String mediaType, String plaintextSha256, Instant createdAt, Instant expiresAt) {

    public enum Status {
        /** parts still arriving */
        RECEIVING,
        /** all parts in and assembled into one object; not yet checked */
        ASSEMBLED,
        /** checked and clean: may be attached */
        READY
    }

    public ResumableUpload {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerUserId, "ownerUserId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(status, "status");
        partTags = Map.copyOf(partTags);
    }

    public long receivedBytes() {
        return partTags.keySet().stream().mapToLong(content::partLength).sum();
    }

    public List<Integer> receivedParts() {
        return List.copyOf(new TreeMap<>(partTags).keySet());
    }

    public List<Integer> missingParts() {
        List<Integer> missing = new ArrayList<>();
        for (int part = 1; part <= content.partCount(); part++) {
            if (!partTags.containsKey(part)) {
                missing.add(part);
            }
        }
        return missing;
    }

    /** The parts' tags in part order; only meaningful once none is missing. */
    public List<String> tagsInOrder() {
        return List.copyOf(new TreeMap<>(partTags).values());
    }
}
