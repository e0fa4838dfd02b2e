package uk.gov.inspectorates.portal.core.notification;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What agencies have been asked for and not yet answered, for the reminders (DUE_TOMORROW, OVERDUE). Implemented by
 * the feature that owns the items (information requests); the reminder job asks it and queues one notice per item
 * and kind, never twice.
 */
public interface DueItems {

    /**
     * One thing an agency owes.
     *
     * @param itemId stable and unique across every item this port returns (the reminder is keyed on it)
     * @param organisationId the agency that owes it: its uploaders and chief officer are reminded
     * @param title the item's title (cleaned again before it goes into an e-mail)
     * @param link the portal path of the item
     * @param recipients who owes it when it is not the agency's uploaders and chief officer (e.g. an inspectorate's
     *        lead inspector): reminded with DEADLINE_TOMORROW and DEADLINE_PASSED; null for an agency's item
     */
    record DueItem(String itemId, String organisationId, String title, String link, Instant dueAt,
                   Recipients recipients) {
        public DueItem {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(organisationId, "organisationId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(dueAt, "dueAt");
        }

        /** Something an agency owes: its uploaders and chief officer are reminded. */
        public DueItem(String itemId, String organisationId, String title, String link, Instant dueAt) {
            this(itemId, organisationId, title, link, dueAt, null);
        }
    }

    /** Items still open whose due time is in {@code [from, to)}. */
    List<DueItem> dueBetween(Instant from, Instant to);

    /** Items still open whose due time is before {@code at}. */
    List<DueItem> overdueAt(Instant at);

    /** What every one of the sources says is owed (the features that own due items each have one). */
    static DueItems allOf(List<DueItems> sources) {
        List<DueItems> all = List.copyOf(sources);
        return new DueItems() {
            @Override
            public List<DueItem> dueBetween(Instant from, Instant to) {
                return all.stream().flatMap(source -> source.dueBetween(from, to).stream()).toList();
            }

            @Override
            public List<DueItem> overdueAt(Instant at) {
                return all.stream().flatMap(source -> source.overdueAt(at).stream()).toList();
            }
        };
    }
}
