package uk.gov.inspectorates.portal.core.termplan;

import java.util.List;

/**
 * A term plan as asked to be shared, unchecked: the inspectorate (its code; null for the sharer's own), the term
 * ({@code "2026-27 SPRING"}) and the areas (ids or names of local authority areas the portal knows).
 */
public record TermPlanDraft(String inspectorate, String term, List<String> areas) {
}
