package uk.gov.inspectorates.portal.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.inspectorates.portal.core.organisation.Inspectorate.OFSTED;
import static uk.gov.inspectorates.portal.core.testdata.ReportDraftBuilder.aReportDraft;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.shared.FieldError;
import uk.gov.inspectorates.portal.core.shared.InvalidInput;
import uk.gov.inspectorates.portal.core.testdata.ReportDraftBuilder;

class ReportValidatorTest {

    private final ReportValidator validator = new ReportValidator();

    private List<String> fieldsInError(ReportDraft draft, Inspectorate sharer) {
        InvalidInput invalid = assertThrows(InvalidInput.class, () -> validator.validate(draft, sharer));
        return invalid.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aCompleteDraftIsAccepted() {
        ReportDraft draft = aReportDraft().withTitle("  Inspection of Northdale  ").withDescriptor("personal").build();

        ReportDetails details = validator.validate(draft, OFSTED);

        assertEquals("Inspection of Northdale", details.title());
        assertEquals(AnnexBReportTypes.byCode("OFSTED_CHILDREN_IN_NEED_LOOKED_AFTER_CARE_LEAVERS").orElseThrow(),
                details.type());
        assertEquals("Northdale Council", details.subject());
        assertEquals(new Classification(Tier.OFFICIAL_SENSITIVE, "PERSONAL"), details.classification());
        assertEquals("Reader lists only.", details.handlingInstructions());
        assertEquals(new Attestations(true, true, true), details.attestations());
        assertEquals(draft.expectedPublication(), details.expectedPublication());
    }

    static Stream<Arguments> missingFields() {
        return Stream.of(
                missing("title", d -> d.withTitle(null)),
                missing("title", d -> d.withTitle("   ")),
                missing("reportType", d -> d.withReportType(null)),
                missing("reportType", d -> d.withReportType("")),
                missing("subject", d -> d.withSubject(null)),
                missing("subject", d -> d.withSubject(" \t")),
                missing("classification.tier", d -> d.withTier(null)),
                missing("classification.tier", d -> d.withTier(" ")));
    }

    private static Arguments missing(String field, UnaryOperator<ReportDraftBuilder> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingFields")
    void eachMissingFieldIsReportedAgainstThatField(String field, UnaryOperator<ReportDraftBuilder> change) {
        assertEquals(List.of(field), fieldsInError(change.apply(aReportDraft()).build(), OFSTED));
    }

    @Test
    void tooLongTextIsRefused() {
        String tooLong = "x".repeat(ReportValidator.MAX_TEXT + 1);

        assertEquals(List.of("title", "subject"),
                fieldsInError(aReportDraft().withTitle(tooLong).withSubject(tooLong).build(), OFSTED));
        assertEquals(List.of("handlingInstructions"), fieldsInError(aReportDraft()
                .withHandlingInstructions("x".repeat(ReportValidator.MAX_HANDLING + 1)).build(), OFSTED));
    }

    @Test
    void allErrorsAreReportedTogether() {
        ReportDraft empty = new ReportDraft(null, null, null, null, null, null, null, null, null, null, null);

        assertEquals(List.of("title", "reportType", "subject", "classification.tier",
                "attestations.subjectHadChanceToComment", "attestations.contentFinal",
                "attestations.subjectHasFinalUnderEmbargo"), fieldsInError(empty, OFSTED));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(booleans = false)
    void subjectMustHaveHadTheChanceToComment(Boolean given) {
        assertEquals(List.of("attestations.subjectHadChanceToComment"),
                fieldsInError(aReportDraft().withSubjectHadChanceToComment(given).build(), OFSTED));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(booleans = false)
    void contentMustBeFinal(Boolean given) {
        assertEquals(List.of("attestations.contentFinal"),
                fieldsInError(aReportDraft().withContentFinal(given).build(), OFSTED));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(booleans = false)
    void subjectMustHaveTheFinalVersionUnderEmbargo(Boolean given) {
        assertEquals(List.of("attestations.subjectHasFinalUnderEmbargo"),
                fieldsInError(aReportDraft().withSubjectHasFinalUnderEmbargo(given).build(), OFSTED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SECRET", "secret", "TOP SECRET", "TOP_SECRET", "top-secret"})
    void secretAndTopSecretAreRefused(String tier) {
        InvalidInput invalid = assertThrows(InvalidInput.class,
                () -> validator.validate(aReportDraft().withTier(tier).build(), OFSTED));

        assertEquals("classification.tier", invalid.errors().get(0).field());
        assertEquals(1, invalid.errors().size());
        assertTrue(invalid.errors().get(0).message().contains("must never be shared"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RESTRICTED", "CONFIDENTIAL", "UNCLASSIFIED", "OFFICIAL SENSITIVE PERSONAL"})
    void unknownTiersAreRefused(String tier) {
        assertEquals(List.of("classification.tier"), fieldsInError(aReportDraft().withTier(tier).build(), OFSTED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"OFFICIAL", "official", "OFFICIAL-SENSITIVE", "official sensitive"})
    void officialTiersAreAcceptedInAnyCase(String tier) {
        ReportDetails details = validator.validate(aReportDraft().withTier(tier).build(), OFSTED);

        assertTrue(details.classification().tier().permittedInPortal());
    }

    @Test
    void aDescriptorIsOnlyForOfficialSensitive() {
        assertEquals(List.of("classification.descriptor"),
                fieldsInError(aReportDraft().withTier("OFFICIAL").withDescriptor("PERSONAL").build(), OFSTED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PERSONAL", "COMMERCIAL", "LOCSEN", "personal"})
    void allowedDescriptorsAreAccepted(String descriptor) {
        ReportDetails details = validator.validate(aReportDraft().withDescriptor(descriptor).build(), OFSTED);

        assertEquals("OFFICIAL-SENSITIVE " + descriptor.toUpperCase(java.util.Locale.ROOT),
                details.classification().marking());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SECRET", "UK EYES ONLY", "MEDICAL"})
    void otherDescriptorsAreRefused(String descriptor) {
        assertEquals(List.of("classification.descriptor"),
                fieldsInError(aReportDraft().withDescriptor(descriptor).build(), OFSTED));
    }

    @Test
    void aReportTypeOfAnotherInspectorateIsRefused() {
        ReportDraft cqcType = aReportDraft().withReportType("CQC_CLAS").build();

        assertEquals(List.of("reportType"), fieldsInError(cqcType, OFSTED));
        assertEquals(Inspectorate.CQC, validator.validate(cqcType, Inspectorate.CQC).type().inspectorate());
    }

    @Test
    void anUnknownReportTypeIsRefused() {
        assertEquals(List.of("reportType"),
                fieldsInError(aReportDraft().withReportType("OFSTED_SOMETHING_ELSE").build(), OFSTED));
    }

    @Test
    void anAgencyHasNoReportTypes() {
        assertEquals(List.of("reportType"), fieldsInError(aReportDraft().build(), null));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void handlingInstructionsDefaultToThoseOfTheTier(String given) {
        ReportDetails official = validator.validate(
                aReportDraft().withTier("OFFICIAL").withHandlingInstructions(given).build(), OFSTED);
        ReportDetails sensitive = validator.validate(
                aReportDraft().withTier("OFFICIAL-SENSITIVE").withHandlingInstructions(given).build(), OFSTED);

        assertEquals(Classification.of(Tier.OFFICIAL).defaultHandlingInstructions(), official.handlingInstructions());
        assertEquals(Classification.of(Tier.OFFICIAL_SENSITIVE).defaultHandlingInstructions(),
                sensitive.handlingInstructions());
    }

    @Test
    void givenHandlingInstructionsAreKeptStripped() {
        ReportDetails details = validator.validate(
                aReportDraft().withHandlingInstructions("  Do not print.  ").build(), OFSTED);

        assertEquals("Do not print.", details.handlingInstructions());
    }
}
