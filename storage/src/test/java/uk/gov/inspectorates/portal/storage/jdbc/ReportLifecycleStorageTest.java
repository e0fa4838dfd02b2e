package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.report.AnnexBReportTypes;
import uk.gov.inspectorates.portal.core.report.Attestations;
import uk.gov.inspectorates.portal.core.report.OnwardSharing;
import uk.gov.inspectorates.portal.core.report.PartyView;
import uk.gov.inspectorates.portal.core.report.Publication;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.report.ReportStatus;
import uk.gov.inspectorates.portal.core.report.WithholdRequest;
import uk.gov.inspectorates.portal.core.report.Withdrawal;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/** V7 on real PostgreSQL: publication, withdrawal and their records, each change conditional on the state it finds. */
class ReportLifecycleStorageTest {

    private static final Instant NOW = Instant.parse("2030-03-02T09:00:00Z");
    private static final URI PUBLISHED = URI.create("https://reports.ofsted.gov.uk/northdale-2030");

    private static DataSource dataSource;
    private static JdbcReportRepository reports;
    private static JdbcWithholdRequests withholdRequests;
    private static JdbcOnwardSharings onwardSharings;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(dataSource);
        directory.saveOrganisation(Organisation.of(Inspectorate.OFSTED));
        directory.saveUser(new UserAccount("ofsted-inspector", "ofsted.inspector", "An Inspector",
                Inspectorate.OFSTED.organisationId(), Set.of(Role.INSPECTOR), Set.of(), null));
        reports = new JdbcReportRepository(dataSource);
        withholdRequests = new JdbcWithholdRequests(dataSource);
        onwardSharings = new JdbcOnwardSharings(dataSource);
    }

    @Test
    void aReportIsReadBackUnderEmbargoWithNoPublicationOrWithdrawal() {
        Report report = aReport();
        Report read = reports.find(report.id()).orElseThrow();
        assertEquals(ReportStatus.UNDER_EMBARGO, read.statusAt(NOW));
        assertNull(read.publication());
        assertNull(read.withdrawal());
        assertEquals(Set.of(Inspectorate.CQC, Inspectorate.HMIC), read.addressees());
    }

    @Test
    void aScheduledPublicationEndsTheEmbargoAtItsMomentAndCanBeRescheduledOrCancelledOnlyBeforeIt() {
        Report report = aReport();
        Instant later = NOW.plus(Duration.ofDays(2));
        assertTrue(reports.recordPublication(report.id(), publication(later), NOW));
        Report scheduled = reports.find(report.id()).orElseThrow();
        assertEquals(PUBLISHED, scheduled.publication().publishedUrl());
        assertEquals(later, scheduled.publication().publishedAt());
        assertEquals(ReportStatus.UNDER_EMBARGO, scheduled.statusAt(NOW));
        assertEquals(ReportStatus.PUBLISHED, scheduled.statusAt(later));

        Instant sooner = NOW.plus(Duration.ofDays(1));
        assertTrue(reports.recordPublication(report.id(), publication(sooner), NOW), "rescheduled before the moment");
        assertFalse(reports.recordPublication(report.id(), publication(later), sooner),
                "once the moment is reached the publication stands");
        assertEquals(sooner, reports.find(report.id()).orElseThrow().publication().publishedAt());

        assertFalse(reports.cancelScheduledPublication(report.id(), sooner), "too late to cancel");
        assertTrue(reports.cancelScheduledPublication(report.id(), NOW));
        assertNull(reports.find(report.id()).orElseThrow().publication());
        assertFalse(reports.cancelScheduledPublication(report.id(), NOW), "nothing left to cancel");
    }

    @Test
    void aWithdrawnReportIsWithdrawnOnceAndCannotThenBePublished() {
        Report report = aReport();
        assertTrue(reports.recordWithdrawal(report.id(), new Withdrawal("factual error", "ofsted-inspector", NOW), NOW));
        assertFalse(reports.recordWithdrawal(report.id(), new Withdrawal("again", "ofsted-inspector", NOW), NOW));
        assertFalse(reports.recordPublication(report.id(), publication(NOW), NOW));
        Report read = reports.find(report.id()).orElseThrow();
        assertEquals(ReportStatus.WITHDRAWN, read.statusAt(NOW));
        assertEquals("factual error", read.withdrawal().reason());
        assertNull(read.publication());
    }

    @Test
    void aWithholdRequestIsDecidedOnceAndGoesWithItsReport() {
        Report report = aReport();
        WithholdRequest request = new WithholdRequest(UUID.randomUUID().toString(), report.id(),
                WithholdRequest.Kind.WITHHOLD, "Northdale Council", "judicial review lodged", "CMP-1",
                NOW.minusSeconds(3600), "ofsted-inspector", NOW, null);
        withholdRequests.add(request);
        assertEquals(List.of(request), withholdRequests.ofReport(report.id()));
        assertTrue(withholdRequests.find("another-report", request.id()).isEmpty(), "found only under its report");

        WithholdRequest.Decision refused = new WithholdRequest.Decision(WithholdRequest.Outcome.REFUSED,
                "not exceptional", "ofsted-inspector", NOW);
        assertTrue(withholdRequests.decide(request.id(), refused));
        assertFalse(withholdRequests.decide(request.id(), new WithholdRequest.Decision(
                WithholdRequest.Outcome.GRANTED, "changed mind", "ofsted-inspector", NOW)));
        assertEquals(request.decided(refused), withholdRequests.find(report.id(), request.id()).orElseThrow());

        assertTrue(reports.delete(report.id()));
        assertTrue(withholdRequests.ofReport(report.id()).isEmpty());
    }

    /** V18: the other parties' views (JTAI Annex D), one per party, only before the decision, gone with the report. */
    @Test
    void partyViewsAreKeptOncePerPartyBeforeTheDecisionAndGoWithTheirReport() {
        Report report = aReport();
        WithholdRequest request = new WithholdRequest(UUID.randomUUID().toString(), report.id(),
                WithholdRequest.Kind.WITHDRAW, "Northdale Council", "a child identifiable", null,
                NOW.minusSeconds(3600), "ofsted-inspector", NOW, null);
        withholdRequests.add(request);
        PartyView cqc = new PartyView(Inspectorate.CQC, "C. Lead", "Publish as planned", NOW.minusSeconds(600),
                "ofsted-inspector", NOW);
        PartyView hmic = new PartyView(Inspectorate.HMIC, "H. Lead", null, NOW.minusSeconds(60), "ofsted-inspector",
                NOW.plusSeconds(1));

        assertTrue(withholdRequests.addView(request.id(), cqc));
        assertFalse(withholdRequests.addView(request.id(), new PartyView(Inspectorate.CQC, "Other", "again",
                NOW, "ofsted-inspector", NOW)), "one view per party");
        assertTrue(withholdRequests.addView(request.id(), hmic));
        WithholdRequest withViews = request.withView(cqc).withView(hmic);
        assertEquals(withViews, withholdRequests.find(report.id(), request.id()).orElseThrow());
        assertEquals(List.of(withViews), withholdRequests.ofReport(report.id()));
        assertTrue(withholdRequests.find(report.id(), request.id()).orElseThrow().viewOf(Inspectorate.HMIC)
                .orElseThrow().noViewGiven());

        WithholdRequest.Decision granted = new WithholdRequest.Decision(WithholdRequest.Outcome.GRANTED,
                "exceptional", "ofsted-inspector", NOW);
        assertTrue(withholdRequests.decide(request.id(), granted));
        assertFalse(withholdRequests.addView(request.id(), new PartyView(Inspectorate.HMI_PRISONS, "P. Lead", "late",
                NOW, "ofsted-inspector", NOW)), "no view after the decision");
        assertEquals(withViews.decided(granted), withholdRequests.find(report.id(), request.id()).orElseThrow());

        assertTrue(reports.delete(report.id()));
        assertTrue(withholdRequests.ofReport(report.id()).isEmpty());
        assertFalse(withholdRequests.addView(request.id(), cqc));
    }

    @Test
    void aConsentRequestIsAnsweredOnceAndARecordedBasisCannotBeAnswered() {
        Report report = aReport();
        OnwardSharing consent = new OnwardSharing(UUID.randomUUID().toString(), report.id(),
                OnwardSharing.Basis.WRITTEN_CONSENT, "Northdale Safeguarding Partnership", null, Inspectorate.CQC,
                "cqc-reader", NOW, OnwardSharing.Status.CONSENT_REQUESTED, null, null, null);
        OnwardSharing court = new OnwardSharing(UUID.randomUUID().toString(), report.id(),
                OnwardSharing.Basis.LEGAL_OBLIGATION, "Family Court", "order ZW30C00123", Inspectorate.HMIC,
                "hmic-reader", NOW.plusSeconds(1), OnwardSharing.Status.RECORDED, null, null, null);
        onwardSharings.add(consent);
        onwardSharings.add(court);
        assertEquals(List.of(consent, court), onwardSharings.ofReport(report.id()));

        OnwardSharing granted = consent.decided(true, "ofsted-inspector", NOW, "for the partnership review");
        assertTrue(onwardSharings.decide(granted));
        assertFalse(onwardSharings.decide(consent.decided(false, "ofsted-inspector", NOW, "no")));
        assertFalse(onwardSharings.decide(court.decided(false, "ofsted-inspector", NOW, "no")));
        assertEquals(granted, onwardSharings.find(report.id(), consent.id()).orElseThrow());
        assertEquals(court, onwardSharings.find(report.id(), court.id()).orElseThrow());

        assertTrue(reports.delete(report.id()));
        assertTrue(onwardSharings.ofReport(report.id()).isEmpty());
    }

    private static Publication publication(Instant at) {
        return new Publication(PUBLISHED, at, "ofsted-inspector", NOW);
    }

    private static Report aReport() {
        String id = UUID.randomUUID().toString();
        StoredContent content = new StoredContent(KeyScope.report(id), "objects/" + id,
                new WrappedKey("kek-" + id, new byte[40]), 1000, 1100, "ab".repeat(32));
        Report report = new Report(id, "Northdale JTAI", AnnexBReportTypes.of(Inspectorate.OFSTED).get(0),
                "Northdale Council", new Classification(Tier.OFFICIAL_SENSITIVE, "PERSONAL"), "Do not forward",
                new Attestations(true, true, true), Inspectorate.OFSTED, Set.of(Inspectorate.CQC, Inspectorate.HMIC),
                null, "ofsted-inspector", NOW.minusSeconds(86_400),
                new AcceptedDocument("report.pdf", "application/pdf", content), null, null);
        reports.add(report);
        return report;
    }
}
