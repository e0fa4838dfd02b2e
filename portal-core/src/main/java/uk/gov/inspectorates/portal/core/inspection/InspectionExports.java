package uk.gov.inspectorates.portal.core.inspection;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.InspectionRules;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.Ids;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;

/**
 * Each participating inspectorate's export of what it requested from a closed inspection (issue 17,
 * docs/adr/0028): a ZIP of the documents uploaded against its own requests with their manifest and the inspection's
 * audit events, the same bytes every time, served whole or by byte range, and recorded once it has been taken to the
 * end. Only that inspectorate's inspection staff take it; only once the inspection is closed.
 */
public final class InspectionExports {

    /** A recorded export with the name of the person who took it. */
    public record NamedExport(ExportRecord record, String exportedByName) {
    }

    /** What one participating inspectorate will get, and what it has taken so far. */
    public record Share(Inspectorate inspectorate, int documents, long documentBytes, Long archiveBytes,
                        boolean mayExport, List<NamedExport> exports) {
    }

    /** Every participating inspectorate's share of an inspection, lead first. */
    public record Overview(Inspection inspection, boolean closed, List<Share> shares) {
    }

    private final InspectionRepository inspections;
    private final ExportContents contents;
    private final ExportRecords records;
    private final OrganisationDirectory directory;
    private final PolicyGate gate;
    private final UnitOfWork unitOfWork;

    public InspectionExports(InspectionRepository inspections, ExportContents contents, ExportRecords records,
                             OrganisationDirectory directory, PolicyGate gate) {
        this(inspections, contents, records, directory, gate, UnitOfWork.NONE);
    }

    public InspectionExports(InspectionRepository inspections, ExportContents contents, ExportRecords records,
                             OrganisationDirectory directory, PolicyGate gate,
                             UnitOfWork unitOfWork) {
        this.unitOfWork = java.util.Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.inspections = Objects.requireNonNull(inspections, "inspections");
        this.contents = Objects.requireNonNull(contents, "contents");
        this.records = Objects.requireNonNull(records, "records");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /**
     * What each participating inspectorate will export (documents, bytes, the archive's exact size once closed) and
     * who exported what when: for the participating inspectorates' staff, administrators and SIROs; 404 to anyone
     * else (the area's agencies included).
     */
    public Overview overview(Subject subject, String inspectionId) {
        Act act = Act.of(AuditActions.INSPECTION_EXPORT_VIEW, "INSPECTION", inspectionId);
        Inspection inspection = gate.admit(subject, Action.VIEW_METADATA, act, inspections.find(inspectionId),
                Inspection::asEndResource);
        Optional<InspectionClosure> closure = inspections.closure(inspectionId);
        List<ExportRecord> done = records.ofInspection(inspectionId);
        List<Share> shares = new ArrayList<>();
        for (Inspectorate inspectorate : ordered(inspection)) {
            List<EvidenceDocument> taken = contents.documentsFor(inspection, inspectorate);
            Long archive = closure.map(c -> contents.of(inspection, c, inspectorate).archive().length()).orElse(null);
            shares.add(new Share(inspectorate, taken.size(), taken.stream().mapToLong(EvidenceDocument::size).sum(),
                    archive, gate.permits(subject, Action.EXPORT, inspection.exportFor(inspectorate)),
                    done.stream().filter(r -> r.inspectorate() == inspectorate).map(this::named).toList()));
        }
        gate.record(subject, act, Outcome.SUCCEEDED, "closed=" + closure.isPresent());
        return new Overview(inspection, closure.isPresent(), shares);
    }

    /**
     * The inspectorate's export, ready to stream: 404 unless the subject may see the inspection's end or when the
     * inspectorate does not take part; 403 naming the rule unless they are that inspectorate's inspection staff; 409
     * before the inspection is closed.
     */
    public Download export(Subject subject, String inspectionId, String inspectorateCode) {
        Act act = Act.of(AuditActions.INSPECTION_EXPORT, "INSPECTION", inspectionId);
        Inspection inspection = gate.admit(subject, Action.VIEW_METADATA, act, inspections.find(inspectionId),
                Inspection::asEndResource);
        Inspectorate inspectorate = Inspectorate.byCode(inspectorateCode == null ? ""
                        : inspectorateCode.strip().toUpperCase(Locale.ROOT))
                .filter(inspection::participates)
                .orElseThrow(() -> {
                    gate.record(subject, act, Outcome.DENIED, "no such export: " + inspectorateCode);
                    return new NotFound("export");
                });
        gate.require(subject, Action.EXPORT, inspection.exportFor(inspectorate), act);
        Optional<InspectionClosure> closure = inspections.closure(inspectionId);
        if (closure.isEmpty()) {
            gate.record(subject, act, Outcome.REFUSED, InspectionRules.EXPORT_AFTER_CLOSURE);
            throw new Conflict("The inspection is not closed yet: each inspectorate exports what it requested once it"
                    + " is closed (" + InspectionRules.EXPORT_AFTER_CLOSURE + ")");
        }
        ExportContents.Export export = contents.of(inspection, closure.get(), inspectorate);
        Optional<String> sha256 = records.sha256Of(export.identity());
        return new Download(subject, act, export, sha256.orElse(export.identity()));
    }

    /**
     * Who exported what from the inspection, oldest first, for someone who may see its end (nothing otherwise: the
     * area's agencies see the inspection but not its exports). Not audited: shown on the inspection's page, which is.
     */
    public List<NamedExport> exportsSeenBy(Subject subject, Inspection inspection) {
        return gate.permits(subject, Action.VIEW_METADATA, inspection.asEndResource())
                ? records.ofInspection(inspection.id()).stream().map(this::named).toList() : List.of();
    }

    private NamedExport named(ExportRecord record) {
        return new NamedExport(record, directory.findUser(record.exportedBy()).map(UserAccount::displayName)
                .orElse(record.exportedBy()));
    }

    /** Whether the subject may open the export page of the inspection (to offer the link); no audit. */
    public boolean maySeeExports(Subject subject, Inspection inspection) {
        return gate.permits(subject, Action.VIEW_METADATA, inspection.asEndResource());
    }

    private static List<Inspectorate> ordered(Inspection inspection) {
        List<Inspectorate> ordered = new ArrayList<>(List.of(inspection.leadInspectorate()));
        inspection.participants().stream().filter(i -> i != inspection.leadInspectorate()).sorted()
                .forEach(ordered::add);
        return ordered;
    }

    /**
     * One inspectorate's export for one person: its exact length, its entity tag (the archive's SHA-256 once an
     * export of it was recorded complete, its identity until then) and its bytes, whole or a range.
     */
    public final class Download {

        private final Subject subject;
        private final Act act;
        private final ExportContents.Export export;
        private final String entityTag;

        private Download(Subject subject, Act act, ExportContents.Export export, String entityTag) {
            this.subject = subject;
            this.act = act;
            this.export = export;
            this.entityTag = entityTag;
        }

        public long length() {
            return export.archive().length();
        }

        public String entityTag() {
            return entityTag;
        }

        /** Whether an {@code If-Range} tag names these very bytes (the SHA-256 recorded, or the identity). */
        public boolean sameBytesAs(String tag) {
            return tag != null && (tag.equals(entityTag) || tag.equals(export.identity()));
        }

        public String fileName() {
            return "export-" + export.inspection().id() + "-" + export.inspectorate().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-') + ".zip";
        }

        public ExportContents.Export export() {
            return export;
        }

        /**
         * Writes bytes {@code [from, to)}, audited before the first byte; when they reach the end of the archive the export is recorded with
         * the archive's SHA-256 (computed here when this range did not start at 0 and none is recorded yet). A failure
         * part way (client gone, content unreadable) is audited and rethrown, so the response is aborted.
         */
        public void write(OutputStream out, long from, long to) throws IOException {
            boolean whole = from == 0 && to == length();
            MessageDigest digest = ExportArchive.sha256();
            Counting counted = new Counting(out, whole ? digest : null);
            String range = "bytes=" + from + "-" + (to - 1) + "/" + length() + " inspectorate="
                    + export.inspectorate().name();
            // recorded before the first byte leaves: a range whose event cannot be written is not served
            gate.record(subject, act, Outcome.SUCCEEDED, range);
            try {
                export.archive().write(counted, from, to);
                counted.flush();
            } catch (IOException | RuntimeException failure) {
                gate.record(subject, act, Outcome.REFUSED, range + " interrupted after " + counted.count + " bytes");
                throw failure;
            }
            if (to < length()) {
                return;
            }
            String sha256 = whole ? HexFormat.of().formatHex(digest.digest())
                    : records.sha256Of(export.identity()).orElseGet(this::computedSha256);
            ExportRecord record = new ExportRecord(Ids.newId(), export.inspection().id(), export.inspectorate(),
                    subject.userId(), gate.clock().instant(), export.documents(), length(), sha256);
            unitOfWork.run(() -> {
                records.add(record, export.identity());
                gate.record(subject, act, Outcome.SUCCEEDED, range + " complete record=" + record.id()
                        + " documents=" + record.documents() + " sha256=" + sha256);
            });
        }

        private String computedSha256() {
            MessageDigest digest = ExportArchive.sha256();
            try {
                export.archive().writeTo(new Counting(OutputStream.nullOutputStream(), digest));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** Counts what passes, and digests it when asked. */
    private static final class Counting extends FilterOutputStream {
        private final MessageDigest digest;
        private long count;

        Counting(OutputStream out, MessageDigest digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (digest != null) {
                digest.update((byte) b);
            }
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (digest != null) {
                digest.update(b, off, len);
            }
            count += len;
        }
    }
}
