package uk.gov.inspectorates.portal.core.inspection;

import java.util.List;

/**
 * An information request as an inspector asks for it, unchecked: the agency's id, title, description, the Annex A
 * items' codes ticked, what is wanted beyond Annex A and why (JTAI §17), and the due time (ISO-8601 with offset;
 * none for the timeline's default).
 */
public record RequestDraft(String agency, String title, String description, List<String> items, String beyondAnnexA,
                           String justification, String dueAt) {

    public RequestDraft {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
