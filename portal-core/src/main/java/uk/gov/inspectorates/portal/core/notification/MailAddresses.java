package uk.gov.inspectorates.portal.core.notification;

import java.util.Optional;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;

/** A person's e-mail address, where the portal knows one. */
@FunctionalInterface
public interface MailAddresses {

    Optional<String> addressOf(UserAccount person);
}
