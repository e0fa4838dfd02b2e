package uk.gov.inspectorates.portal.core.report;

import java.time.Instant;
import java.util.Objects;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;

/**
 * The view of another party's lead inspector on a request to withhold or withdraw publication, as the originator
 * recorded it before deciding (JTAI Annex D). A view of {@code null} records that the lead inspector was asked and gave
 * no view by {@code at}; otherwise {@code at} is when the view was given.
 */
public record PartyView(Inspectorate party, String leadInspector, String view, Instant at, String recordedBy,
                        Instant recordedAt) {

    public PartyView {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(leadInspector, "leadInspector");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** The lead inspector was asked and gave no view by {@link #at}. */
    public boolean noViewGiven() {
        return view == null;
    }
}
