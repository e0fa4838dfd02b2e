package uk.gov.inspectorates.portal.core.letter;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.GivenClassification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/** Checks what the originator submits about a letter before any byte of its file is read. */
public final class LetterValidator {

    static final int MAX_TEXT = 2000;

    public LetterDetails validate(LetterDraft draft, Report report) {
        return validate(draft, report.addressees(), false);
    }

    /**
     * An advance letter sent ahead of its report: to any of the other parties (the report will have to be shared
     * with them all to take the letter in), and only an advance letter.
     */
    public LetterDetails validateAhead(LetterDraft draft, Inspectorate sender) {
        Set<Inspectorate> others = EnumSet.allOf(Inspectorate.class);
        others.remove(sender);
        return validate(draft, others, true);
    }

    private LetterDetails validate(LetterDraft draft, Set<Inspectorate> parties, boolean ahead) {
        List<FieldError> errors = new ArrayList<>();
        LetterKind kind = kind(draft.kind(), errors);
        if (ahead && kind == LetterKind.COVERING) {
            errors.add(new FieldError("kind", "Only an advance letter about a risk of significant harm is sent ahead"
                    + " of its report: send a covering letter with the report"));
        }
        Set<Inspectorate> addressedTo = addressedTo(draft.addressedTo(), parties, errors, ahead
                ? "Choose other parties to the protocol: the letter goes to some of them ahead of the report"
                : "Choose parties the report is shared with: a letter goes to some or all of them");
        Classification classification = classification(draft, errors);
        String handling = optional(draft.handlingInstructions(), "handlingInstructions", errors);
        String riskSummary = optional(draft.riskSummary(), "riskSummary", errors);
        boolean notifiedFirst = Boolean.TRUE.equals(draft.serviceProviderNotifiedFirst());
        // ISP ¶7: "In all cases, the party that identifies the concerns will notify the service provider ... before
        // informing the other parties": the sender confirms it for every letter, covering or advance
        if (kind != null && !notifiedFirst) {
            errors.add(new FieldError("serviceProviderNotifiedFirst", "Confirm that the service provider the"
                    + " concerns relate to was notified before the other parties are informed"));
        }
        if (kind == LetterKind.ADVANCE_RISK_OF_HARM) {
            if (riskSummary == null && errors.stream().noneMatch(e -> e.field().equals("riskSummary"))) {
                errors.add(new FieldError("riskSummary",
                        "Summarise the risk of significant harm the letter is about, for its recipients"));
            }
        } else if (kind == LetterKind.COVERING && riskSummary != null) {
            errors.add(new FieldError("riskSummary", "Only an advance letter about a risk of significant harm"
                    + " carries a risk summary: choose that kind of letter, or leave the summary out"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new LetterDetails(kind, addressedTo, classification,
                handling == null ? classification.defaultHandlingInstructions() : handling, notifiedFirst,
                riskSummary);
    }

    private static LetterKind kind(String given, List<FieldError> errors) {
        if (given == null || given.isBlank()) {
            errors.add(new FieldError("kind", "Select the kind of letter"));
            return null;
        }
        try {
            return LetterKind.valueOf(given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "The letter must be a COVERING letter or an ADVANCE_RISK_OF_HARM letter"));
            return null;
        }
    }

    /** The letter goes to some (or all) of the report's addressees, never to anyone the report is not shared with. */
    private static Set<Inspectorate> addressedTo(List<String> given, Set<Inspectorate> parties,
                                                 List<FieldError> errors, String notAParty) {
        if (given == null || given.isEmpty()) {
            errors.add(new FieldError("addressedTo", "Choose the parties the letter is addressed to"));
            return null;
        }
        Set<Inspectorate> chosen = EnumSet.noneOf(Inspectorate.class);
        for (String code : given) {
            Optional<Inspectorate> party = code == null ? Optional.empty() : Inspectorate.byCode(code.strip());
            if (party.isEmpty() || !parties.contains(party.get())) {
                errors.add(new FieldError("addressedTo", notAParty));
                return null;
            }
            chosen.add(party.get());
        }
        return chosen;
    }

    private static Classification classification(LetterDraft draft, List<FieldError> errors) {
        return GivenClassification.checked(draft.classificationTier(), draft.classificationDescriptor(),
                "Select the letter's security classification", errors);
    }

    private static String optional(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            errors.add(new FieldError(field, "This must be " + MAX_TEXT + " characters or fewer"));
            return null;
        }
        return value.strip();
    }
}
