package uk.gov.inspectorates.portal.core.legalhold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.testdata.SubjectBuilder.aSubject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.access.AccessPolicy;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.RetentionRules;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.audit.AuditActions;
import uk.gov.inspectorates.portal.core.audit.AuditEvent.Outcome;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionStatus;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.retention.HoldTarget;
import uk.gov.inspectorates.portal.core.retention.LegalHold;
import uk.gov.inspectorates.portal.core.retention.LegalHoldRecords;
import uk.gov.inspectorates.portal.core.shared.AccessDenied;
import uk.gov.inspectorates.portal.core.shared.Conflict;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.shared.NotFound;
import uk.gov.inspectorates.portal.core.testdata.InMemoryInspections;
import uk.gov.inspectorates.portal.core.testdata.InMemoryReportRepository;
import uk.gov.inspectorates.portal.core.testdata.MutableClock;
import uk.gov.inspectorates.portal.core.testdata.RecordingAuditTrail;

class LegalHoldServiceTest {

    private static final Instant NOW = Instant.parse("2030-03-10T10:00:00Z");

    static final class InMemoryHolds implements LegalHoldRecords {
        final List<LegalHold> inForce = new ArrayList<>();

        @Override
        public Optional<LegalHold> current(HoldTarget target) {
            return inForce.stream().filter(h -> h.target().equals(target)).findFirst();
        }

        @Override
        public List<LegalHold> inForce() {
            return List.copyOf(inForce);
        }

        @Override
        public boolean set(LegalHold hold) {
            return current(hold.target()).isEmpty() && inForce.add(hold);
        }

        @Override
        public boolean lift(HoldTarget target, String by, String organisation, Instant at, String reason) {
            return inForce.removeIf(h -> h.target().equals(target));
        }
    }

    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final InMemoryInspections inspections = new InMemoryInspections();
    private final InMemoryReportRepository reports = new InMemoryReportRepository();
    private final InMemoryHolds records = new InMemoryHolds();
    private final LegalHoldService holds = new LegalHoldService(records, inspections, reports,
            new PolicyGate(new AccessPolicy(), audit, new MutableClock(NOW)));

    private final Subject cqcAdministrator = aSubject().withId("cqc-admin").of(Inspectorate.CQC)
            .withRoles(Role.ADMINISTRATOR).build();
    private final Subject hmicAdministrator = aSubject().of(Inspectorate.HMIC).withRoles(Role.ADMINISTRATOR).build();
    private final Subject cqcSiro = aSubject().of(Inspectorate.CQC).withRoles(Role.SIRO).build();
    private final HoldTarget inspection = HoldTarget.inspection("insp-1");

    {
        inspections.add(new Inspection("insp-1", "northdale", "Children at risk of exploitation",
                LocalDate.parse("2030-03-04"), Inspectorate.OFSTED, Set.of(Inspectorate.OFSTED, Inspectorate.CQC),
                Map.of(Inspectorate.OFSTED, "ofsted-lead"), InspectionStatus.OPEN, "ofsted-lead", NOW));
    }

    @Test
    void anAdministratorOfAParticipantSetsAndLiftsAHoldWithAReason() {
        LegalHold hold = holds.set(cqcAdministrator, inspection, " court order ");
        assertEquals("court order", hold.reason());
        assertEquals(Optional.of(hold), holds.current(cqcSiro, inspection), "a party's SIRO sees it");
        assertThrows(Conflict.class, () -> holds.set(cqcAdministrator, inspection, "again"));
        assertTrue(audit.events().stream().anyMatch(e -> e.action().equals(AuditActions.LEGAL_HOLD_SET)
                && e.outcome() == Outcome.SUCCEEDED && e.detail().contains("reason=court order")));

        holds.lift(cqcAdministrator, inspection, "order discharged");
        assertTrue(records.inForce.isEmpty());
        assertThrows(Conflict.class, () -> holds.lift(cqcAdministrator, inspection, "twice"));
    }

    @Test
    void aNonParticipantAdministratorIsToldNothing() {
        assertThrows(NotFound.class, () -> holds.set(hmicAdministrator, inspection, "not ours"));
        assertTrue(records.inForce.isEmpty());
        assertTrue(audit.events().stream().anyMatch(e -> e.outcome() == Outcome.DENIED
                && RetentionRules.HOLD_PARTY_ADMINISTRATORS_ONLY.equals(e.detail())));
    }

    @Test
    void aPartysSiroIsRefusedNamingTheRule() {
        AccessDenied denied = assertThrows(AccessDenied.class, () -> holds.set(cqcSiro, inspection, "siro"));
        assertEquals(RetentionRules.HOLD_PARTY_ADMINISTRATORS_ONLY, denied.rule());
        assertFalse(holds.mayChange(cqcSiro, inspection));
        assertTrue(holds.mayChange(cqcAdministrator, inspection));
    }

    @Test
    void anUnknownTargetIsNotFoundAndAReasonIsRequired() {
        assertThrows(NotFound.class, () -> holds.set(cqcAdministrator, HoldTarget.inspection("none"), "x"));
        assertThrows(NotFound.class, () -> holds.set(cqcAdministrator, HoldTarget.report("none"), "x"));
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> holds.set(cqcAdministrator, inspection, " "));
        assertEquals("reason", invalid.errors().get(0).field());
        assertTrue(records.inForce.isEmpty());
    }

    @Test
    void thePageShowsTheReasonOnlyToThoseWhoMaySeeHolds() {
        holds.set(cqcAdministrator, inspection, "court order");
        Subject inspector = aSubject().of(Inspectorate.CQC).withRoles(Role.INSPECTOR).build();
        LegalHoldService.Shown toInspector = holds.shownTo(inspector, inspection);
        assertTrue(toInspector.hold().isPresent());
        assertFalse(toInspector.detailsVisible());
        assertFalse(toInspector.mayChange());
        assertTrue(holds.shownTo(cqcSiro, inspection).detailsVisible());
    }
}
