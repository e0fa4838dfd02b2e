package uk.gov.inspectorates.portal.core.report;

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
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;

/** Checks what a sharer submits before any byte of the file is read. */
public final class ReportValidator {

    static final int MAX_TEXT = 200;
    static final int MAX_HANDLING = 2000;

    public ReportDetails validate(ReportDraft draft, Inspectorate sharer) {
        List<FieldError> errors = new ArrayList<>();
        String title = text(draft.title(), "title", "Enter the report's title", MAX_TEXT, errors);
        ReportType type = reportType(draft.reportType(), sharer, errors);
        String subject = text(draft.subject(), "subject",
                "Enter the subject of the inspection (the service or area inspected)", MAX_TEXT, errors);
        Classification classification = classification(draft, errors);
        String handling = handlingInstructions(draft.handlingInstructions(), classification, errors);
        attested(draft.subjectHadChanceToComment(), "attestations.subjectHadChanceToComment",
                "Confirm that the subject of the inspection has had the chance to comment on the draft report", errors);
        attested(draft.contentFinal(), "attestations.contentFinal",
                "Confirm that the content of the report is final", errors);
        attested(draft.subjectHasFinalUnderEmbargo(), "attestations.subjectHasFinalUnderEmbargo",
                "Confirm that the subject has received the final version under embargo", errors);
        Set<Inspectorate> addressees = addressees(draft.addressees(), sharer, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new ReportDetails(title, type, subject, classification, handling, new Attestations(true, true, true),
                draft.expectedPublication(), addressees);
    }

    /** The chosen parties, or every party but the sharer's own when none is chosen. */
    private static Set<Inspectorate> addressees(List<String> given, Inspectorate sharer, List<FieldError> errors) {
        Set<Inspectorate> chosen = EnumSet.noneOf(Inspectorate.class);
        if (given == null || given.isEmpty()) {
            chosen.addAll(EnumSet.allOf(Inspectorate.class));
            chosen.remove(sharer);
            return chosen;
        }
        for (String code : given) {
            Optional<Inspectorate> party = code == null ? Optional.empty() : Inspectorate.byCode(code.strip());
            if (party.isEmpty()) {
                errors.add(new FieldError("addressees", "Choose the parties to share with from the list"));
                return null;
            }
            if (party.get() == sharer) {
                errors.add(new FieldError("addressees", "Choose other parties: your inspectorate already has the report"));
                return null;
            }
            chosen.add(party.get());
        }
        return chosen;
    }

    private static String text(String value, String field, String missing, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, missing));
            return null;
        }
        if (value.strip().length() > max) {
            errors.add(new FieldError(field, "The " + field + " must be " + max + " characters or fewer"));
            return null;
        }
        return value.strip();
    }

    private static ReportType reportType(String code, Inspectorate sharer, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError("reportType", "Select the type of report"));
            return null;
        }
        Optional<ReportType> type = AnnexBReportTypes.byCode(code.strip());
        if (type.isEmpty() || type.get().inspectorate() != sharer) {
            errors.add(new FieldError("reportType",
                    "Select one of your inspectorate's report types from Annex B of the protocol"));
            return null;
        }
        return type.get();
    }

    private static Classification classification(ReportDraft draft, List<FieldError> errors) {
        return GivenClassification.checked(draft.classificationTier(), draft.classificationDescriptor(),
                "Select the security classification", errors);
    }

    private static String handlingInstructions(String given, Classification classification, List<FieldError> errors) {
        if (given == null || given.isBlank()) {
            return classification == null ? null : classification.defaultHandlingInstructions();
        }
        if (given.strip().length() > MAX_HANDLING) {
            errors.add(new FieldError("handlingInstructions",
                    "Handling instructions must be " + MAX_HANDLING + " characters or fewer"));
            return null;
        }
        return given.strip();
    }

    private static void attested(Boolean value, String field, String message, List<FieldError> errors) {
        if (!Boolean.TRUE.equals(value)) {
            errors.add(new FieldError(field, message));
        }
    }
}
