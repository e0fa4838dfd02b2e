package uk.gov.inspectorates.portal.web.notification;

import java.util.Optional;
import uk.gov.inspectorates.portal.core.notification.MailAddresses;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;

/**
 * Demo mode only: the demo people have usernames, not addresses, so each gets {@code <username>@demo.invalid}
 * (a reserved domain that no mail system delivers to) and their notices can be seen in the log.
 */
public final class DemoMailAddresses implements MailAddresses {

    private final MailAddresses known;

    public DemoMailAddresses(MailAddresses known) {
        this.known = known;
    }

    @Override
    public Optional<String> addressOf(UserAccount person) {
        return known.addressOf(person).or(() -> Optional.of(
                person.username().replaceAll("[^A-Za-z0-9._-]", ".") + "@demo.invalid"));
    }
}
