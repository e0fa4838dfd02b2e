package uk.gov.inspectorates.portal.core.testdata;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.AnnexBReportTypes;
import uk.gov.inspectorates.portal.core.report.Attestations;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.Publication;
import uk.gov.inspectorates.portal.core.report.Withdrawal;

/** {@code aReport().from(OFSTED).addressedTo(CQC).build()}; by default addressed to every other party. */
public final class ReportBuilder {

    private String id = "report-1";
    private Inspectorate originator = Inspectorate.OFSTED;
    private Set<Inspectorate> addressees;
    private Publication publication;
    private Withdrawal withdrawal;
    private StoredContent content = new StoredContent(KeyScope.report("report-1"), "object-1", new WrappedKey("kek-1", new byte[] {1, 2, 3}),
            4, 40, "0".repeat(64));

    private ReportBuilder() {
    }

    public static ReportBuilder aReport() {
        return new ReportBuilder();
    }

    public ReportBuilder withId(String id) {
        this.id = id;
        return this;
    }

    public ReportBuilder from(Inspectorate originator) {
        this.originator = originator;
        return this;
    }

    public ReportBuilder addressedTo(Inspectorate... parties) {
        this.addressees = Set.copyOf(List.of(parties));
        return this;
    }

    public ReportBuilder underEmbargo() {
        this.publication = null;
        this.withdrawal = null;
        return this;
    }

    /** Published (long) before any clock a test uses. */
    public ReportBuilder published() {
        return publishedAt(Instant.parse("2030-01-15T09:30:00Z"));
    }

    /** Published at that moment: under embargo before it. */
    public ReportBuilder publishedAt(Instant at) {
        this.publication = new Publication(URI.create("https://www.gov.uk/published/" + id), at, "sharer-1",
                Instant.parse("2030-01-02T09:00:00Z"));
        return this;
    }

    public ReportBuilder withdrawn() {
        this.withdrawal = new Withdrawal("Factual error found", "sharer-1", Instant.parse("2030-01-03T09:00:00Z"));
        return this;
    }

    public ReportBuilder storedAs(StoredContent content) {
        this.content = content;
        return this;
    }

    public Report build() {
        Set<Inspectorate> to = addressees;
        if (to == null) {
            to = EnumSet.allOf(Inspectorate.class);
            to.remove(originator);
        }
        Classification classification = Classification.of(Tier.OFFICIAL_SENSITIVE);
        return new Report(id, "Inspection of Northdale", AnnexBReportTypes.of(originator).get(0), "Northdale",
                classification, classification.defaultHandlingInstructions(), new Attestations(true, true, true),
                originator, to, OffsetDateTime.of(2030, 1, 15, 0, 1, 0, 0, ZoneOffset.UTC), "sharer-1",
                Instant.parse("2030-01-01T09:00:00Z"),
                new AcceptedDocument("report.pdf", "application/pdf", content), publication, withdrawal);
    }
}
