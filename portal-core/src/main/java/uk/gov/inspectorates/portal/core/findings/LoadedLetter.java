package uk.gov.inspectorates.portal.core.findings;

import java.time.Instant;
import java.util.Optional;
import uk.gov.inspectorates.portal.core.access.Action;
import uk.gov.inspectorates.portal.core.access.PolicyGate;
import uk.gov.inspectorates.portal.core.access.PolicyGate.Act;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.inspection.Inspection;
import uk.gov.inspectorates.portal.core.inspection.InspectionRepository;

/** An inspection and its findings letter, as admitted by the gate for one person. */
record LoadedLetter(Inspection inspection, FindingsLetter letter) {

    /** 404 (audited) unless the subject may see the letter: its inspection's staff, or the DCS once it is sent. */
    static LoadedLetter admitted(PolicyGate gate, InspectionRepository inspections, FindingsLetters letters,
                                 Subject subject, Act act, String inspectionId) {
        Optional<Inspection> inspection = inspections.find(inspectionId);
        FindingsLetter letter = inspection.map(found -> letters.of(found.id())).orElse(null);
        Inspection admitted = gate.admit(subject, Action.VIEW_METADATA, act, inspection,
                found -> LetterResources.letter(found, letter));
        return new LoadedLetter(admitted, letter);
    }

    FindingsLetterStage stageAt(Instant now) {
        return letter.stageAt(now, inspection.participants(), inspection.leadInspectorate());
    }
}
