package uk.gov.inspectorates.portal.web.pages;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.gov.inspectorates.portal.core.access.Subject;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.report.ReportService;

/**
 * What the share form ({@code share-report.mustache}) shows: all its sections on one page, or one section of the
 * task list, or the last step (the file), each filled in with what the person gave.
 */
final class ShareForm {

    static final Set<String> ALL_SECTIONS = Set.of("details", "classification", "attestations", "addressees", "file");

    private ShareForm() {
    }

    /** {@code freshParties}: nothing chosen yet, so every party is ticked (not after a refused choice). */
    static PageModel fill(PageModel model, ReportService reports, Subject subject, Map<String, String> given,
                          Set<String> sections, boolean freshParties) {
        String chosenType = given.getOrDefault("reportType", "");
        String chosenTier = given.getOrDefault("classificationTier", "");
        return model.with("reportTypes", reports.reportTypesFor(subject).stream()
                        .map(type -> Map.of("code", type.code(), "title", type.title(),
                                "selected", type.code().equals(chosenType)))
                        .toList())
                .with("tiers", List.of(Tier.OFFICIAL, Tier.OFFICIAL_SENSITIVE).stream()
                        .map(tier -> Map.of("value", tier.name(), "label", tier.marking(),
                                "checked", tier.name().equals(chosenTier)))
                        .toList())
                .with("given", given)
                .with("parties", parties(subject, given.get("addressees"), freshParties))
                .with("attested", Map.of(
                        "subjectHadChanceToComment", "true".equals(given.get("subjectHadChanceToComment")),
                        "contentFinal", "true".equals(given.get("contentFinal")),
                        "subjectHasFinalUnderEmbargo", "true".equals(given.get("subjectHasFinalUnderEmbargo"))))
                .with("descriptors", Stream.of("PERSONAL", "COMMERCIAL", "LOCSEN")
                        .map(descriptor -> Map.of("value", descriptor,
                                "selected", descriptor.equals(given.get("classificationDescriptor"))))
                        .toList())
                .with("show", sections.stream().collect(Collectors.toMap(section -> section, section -> true)))
                .with("maxSize", ReportPages.humanSize(reports.maxUploadBytes()));
    }

    /** The other parties as checkboxes: all ticked at first, then as the person left them. */
    static List<Map<String, Object>> parties(Subject subject, String ticked, boolean firstTime) {
        List<String> chosen = ticked == null ? List.of() : List.of(ticked.split(","));
        return Arrays.stream(Inspectorate.values())
                .filter(party -> subject.inspectorate().filter(own -> own == party).isEmpty())
                .map(party -> Map.<String, Object>of("value", party.name(), "label", party.title(),
                        "checked", firstTime || chosen.contains(party.name())))
                .toList();
    }
}
