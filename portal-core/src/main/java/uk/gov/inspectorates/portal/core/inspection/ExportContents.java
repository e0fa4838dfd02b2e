package uk.gov.inspectorates.portal.core.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.gov.inspectorates.portal.core.audit.AuditEvent;
import uk.gov.inspectorates.portal.core.audit.AuditHistory;
import uk.gov.inspectorates.portal.core.calendar.WorkingDayCalendar;
import uk.gov.inspectorates.portal.core.document.DocumentStore;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * What one participating inspectorate takes away from a closed inspection: the documents uploaded against its own
 * requests (never another inspectorate's), a manifest of them ({@code manifest.csv}, {@code manifest.json}: entry,
 * file name, uploader agency, request, classification, size, SHA-256) and the audit events about the inspection, its
 * requests and those documents before the closure ({@code audit.csv}). Everything in it is fixed once the inspection is
 * closed, so the same archive comes out byte for byte each time (docs/adr/0028).
 */
public final class ExportContents {

    static final int MAX_NAME = 120;

    /** One inspectorate's export, laid out: the archive and what it holds. */
    public record Export(Inspection inspection, Inspectorate inspectorate, ExportArchive archive, int documents,
                         long documentBytes, String identity) {
    }

    private final InformationRequestRepository requests;
    private final EvidenceDocumentRepository documents;
    private final DocumentStore store;
    private final ExportChecksums checksums;
    private final AuditHistory history;

    public ExportContents(InformationRequestRepository requests, EvidenceDocumentRepository documents,
                          DocumentStore store, ExportChecksums checksums, AuditHistory history) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.store = Objects.requireNonNull(store, "store");
        this.checksums = Objects.requireNonNull(checksums, "checksums");
        this.history = Objects.requireNonNull(history, "history");
    }

    /** The documents the inspectorate will get: those uploaded against its requests, in upload order. */
    public List<EvidenceDocument> documentsFor(Inspection inspection, Inspectorate inspectorate) {
        return documents.ofInspection(inspection.id()).stream()
                .filter(document -> document.requestedBy() == inspectorate)
                .sorted(Comparator.comparing(EvidenceDocument::uploadedAt).thenComparing(EvidenceDocument::id))
                .toList();
    }

    /** The export of a closed inspection for the inspectorate. */
    public Export of(Inspection inspection, InspectionClosure closure, Inspectorate inspectorate) {
        Map<String, InformationRequest> own = requests.ofInspection(inspection.id()).stream()
                .filter(request -> request.requestedBy() == inspectorate)
                .collect(Collectors.toMap(InformationRequest::id, Function.identity()));
        List<EvidenceDocument> taken = documentsFor(inspection, inspectorate);
        List<String> entryNames = new ArrayList<>();
        List<ExportArchive.Entry> files = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        long bytes = 0;
        for (EvidenceDocument document : taken) {
            String name = entryName(entryNames.size() + 1, document.document().fileName());
            entryNames.add(name);
            files.add(new ExportArchive.Entry(name, document.size(), document.id(),
                    new StoredSource(store, document.document().content())));
            digests.add(document.sha256());
            bytes += document.size();
        }
        List<String> auditedIds = new ArrayList<>(own.keySet());
        List<AuditEvent> events = new ArrayList<>(history.about("INSPECTION", List.of(inspection.id()),
                closure.closedAt()));
        events.addAll(history.about("INFORMATION_REQUEST", auditedIds, closure.closedAt()));
        events.addAll(history.about("EVIDENCE_DOCUMENT", taken.stream().map(EvidenceDocument::id).toList(),
                closure.closedAt()));
        events.sort(Comparator.comparing(AuditEvent::at));

        List<ExportArchive.Entry> entries = new ArrayList<>();
        byte[] manifestCsv = ExportManifest.csv(taken, entryNames, own);
        byte[] manifestJson = ExportManifest.json(inspection, closure, inspectorate, taken, entryNames, own);
        byte[] auditCsv = ExportManifest.auditCsv(events);
        entries.add(ExportArchive.Entry.of("manifest.csv", manifestCsv));
        entries.add(ExportArchive.Entry.of("manifest.json", manifestJson));
        entries.add(ExportArchive.Entry.of("audit.csv", auditCsv));
        entries.addAll(files);
        List<String> allDigests = new ArrayList<>(List.of(sha256(manifestCsv), sha256(manifestJson),
                sha256(auditCsv)));
        allDigests.addAll(digests);
        ExportArchive archive = new ExportArchive(entries, timestampOf(closure.closedAt()), new ExportArchive.Crcs() {
            @Override
            public Long known(String documentId) {
                return checksums.crc32Of(documentId);
            }

            @Override
            public void learnt(String documentId, long crc32) {
                checksums.remember(documentId, crc32);
            }
        });
        return new Export(inspection, inspectorate, archive, taken.size(), bytes, archive.identity(allDigests));
    }

    /** Every entry of the archive carries the closure's time (UK local): the same each time it is made. */
    static LocalDateTime timestampOf(Instant closedAt) {
        return LocalDateTime.ofInstant(closedAt, WorkingDayCalendar.UK);
    }

    /**
     * A safe, unique entry name: {@code documents/NNNN-name}, the name normalised (NFC), anything but letters, digits,
     * dot, dash, underscore and space replaced, no leading dots, at most {@value #MAX_NAME} characters. The sequence
     * number makes it unique; no separator or {@code ..} survives, so nothing lands outside the folder it is unpacked
     * in.
     */
    static String entryName(int sequence, String fileName) {
        String normalised = Normalizer.normalize(fileName == null ? "" : fileName, Normalizer.Form.NFC);
        StringBuilder safe = new StringBuilder();
        normalised.codePoints().forEach(c -> safe.appendCodePoint(
                Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == ' ' ? c : '_'));
        String cleaned = safe.toString().strip().replaceAll("\\.{2,}", "_").replaceAll("^[.\\s]+", "");
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_NAME) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_NAME));
        }
        if (cleaned.isBlank()) {
            cleaned = "document";
        }
        return String.format(Locale.ROOT, "documents/%04d-%s", sequence, cleaned);
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(ExportArchive.sha256().digest(bytes));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A document's plaintext for an archive entry; a resumed range starts at the segment it needs (ADR 0037). */
    private record StoredSource(DocumentStore store, StoredContent content) implements ExportArchive.Source {
        @Override
        public InputStream open() throws IOException {
            return store.open(content);
        }

        @Override
        public InputStream open(long from) throws IOException {
            return store.open(content, from);
        }
    }
}
