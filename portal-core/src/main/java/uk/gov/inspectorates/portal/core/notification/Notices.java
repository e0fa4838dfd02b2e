package uk.gov.inspectorates.portal.core.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.gov.inspectorates.portal.core.organisation.OrganisationDirectory;
import uk.gov.inspectorates.portal.core.organisation.Team;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;

/**
 * The outbox: resolves a notice's recipients to the addresses of active people, renders one message per address
 * from the kind's fixed template and stores them for the delivery worker. Links are made absolute with the portal's
 * configured public address, never with an address taken from a request.
 */
public final class Notices implements NoticeOutbox {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\"<>,;:()\\\\\\[\\]]+@[^@\\s\"<>,;:()\\\\\\[\\]]+\\.[A-Za-z0-9-]+");
    private static final Pattern PORTAL_ADDRESS = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?");

    private final OrganisationDirectory directory;
    private final MailAddresses addresses;
    private final OutboxMessages outbox;
    private final Clock clock;
    private final String portalAddress;

    /** @param portalAddress the portal's public address, such as {@code https://portal.example.gov.uk} */
    public Notices(OrganisationDirectory directory, MailAddresses addresses, OutboxMessages outbox, Clock clock,
                   String portalAddress) {
        if (portalAddress == null || !PORTAL_ADDRESS.matcher(portalAddress).matches()) {
            throw new IllegalArgumentException("the portal's public address must be an http(s) URL without query: "
                    + portalAddress);
        }
        this.directory = directory;
        this.addresses = addresses;
        this.outbox = outbox;
        this.clock = clock;
        this.portalAddress = portalAddress.endsWith("/") ? portalAddress.substring(0, portalAddress.length() - 1)
                : portalAddress;
    }

    @Override
    public void enqueue(Notice notice) {
        List<OutgoingMessage> messages = messages(notice);
        if (!messages.isEmpty()) {
            outbox.add(messages, clock.instant());
        }
    }

    /**
     * Queues the notice unless one was already queued under the key (reminders: once per item and kind).
     *
     * @return whether it was queued now
     */
    public boolean enqueueOnce(String onceKey, Notice notice) {
        return outbox.addOnce(onceKey, messages(notice), clock.instant());
    }

    /** The messages the notice becomes: one per distinct address, in the order the recipients were given. */
    public List<OutgoingMessage> messages(Notice notice) {
        String link = portalAddress + notice.link();
        Map<String, String> byAddress = new LinkedHashMap<>();
        for (Recipients recipients : notice.recipients()) {
            addressesOf(recipients).filter(address -> ADDRESS.matcher(address).matches())
                    .forEach(address -> byAddress.putIfAbsent(address.toLowerCase(Locale.ROOT), address));
        }
        List<OutgoingMessage> messages = new ArrayList<>();
        byAddress.values().forEach(address ->
                messages.add(NoticeTemplates.render(notice.kind(), address, notice.title(), link)));
        return messages;
    }

    private Stream<String> addressesOf(Recipients recipients) {
        if (recipients instanceof Recipients.Address address) {
            return Stream.of(address.emailAddress().strip());
        }
        return people(recipients).filter(UserAccount::active).map(addresses::addressOf).flatMap(Optional::stream)
                .map(String::strip);
    }

    private Stream<UserAccount> people(Recipients recipients) {
        if (recipients instanceof Recipients.Person person) {
            return directory.findUser(person.userId()).stream();
        }
        if (recipients instanceof Recipients.WithRoles withRoles) {
            return directory.usersOf(withRoles.organisationId()).stream()
                    .filter(user -> user.roles().stream().anyMatch(withRoles.roles()::contains));
        }
        if (recipients instanceof Recipients.ReaderList readerList) {
            Set<String> readerTeams = new HashSet<>();
            directory.teamsOf(readerList.inspectorateOrganisationId()).stream().filter(Team::onReaderList)
                    .map(Team::id).forEach(readerTeams::add);
            return directory.usersOf(readerList.inspectorateOrganisationId()).stream()
                    .filter(user -> user.teamIds().stream().anyMatch(readerTeams::contains));
        }
        throw new IllegalArgumentException("unknown recipients " + recipients);
    }
}
