package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Organisation;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.report.ShareDraft;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/** V10 on real PostgreSQL: a share draft is its owner's only, saved whole, and replaced field by field. */
class JdbcShareDraftsTest {

    private static final Instant NOW = Instant.parse("2030-03-02T09:00:00Z");

    private static JdbcShareDrafts drafts;

    @BeforeAll
    static void start() throws Exception {
        DataSource dataSource = TestDatabases.migrated();
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(dataSource);
        directory.saveOrganisation(Organisation.of(Inspectorate.OFSTED));
        for (String id : new String[] {"owner", "someone-else"}) {
            directory.saveUser(new UserAccount(id, id, id, Inspectorate.OFSTED.organisationId(),
                    Set.of(Role.INSPECTOR), Set.of(), null));
        }
        drafts = new JdbcShareDrafts(dataSource);
    }

    @Test
    void aDraftIsReadBackByItsOwnerOnlyWithItsFieldsReplacedOnEachSave() {
        drafts.save(new ShareDraft("d1", "owner", Map.of("title", "Northdale", "subject", "Northdale LA"), NOW));
        drafts.save(new ShareDraft("d1", "owner", Map.of("title", "Northdale JTAI", "contentFinal", "true"),
                NOW.plusSeconds(60)));

        ShareDraft read = drafts.find("d1", "owner").orElseThrow();
        assertEquals(java.util.List.of(read), drafts.ofOwner("owner"));
        assertTrue(drafts.ofOwner("someone-else").isEmpty());
        assertEquals(Map.of("title", "Northdale JTAI", "contentFinal", "true"), read.fields(), "a removed field goes");
        assertEquals(NOW.plusSeconds(60), read.updatedAt());
        assertTrue(drafts.find("d1", "someone-else").isEmpty());

        drafts.delete("d1", "someone-else");
        assertTrue(drafts.find("d1", "owner").isPresent(), "not deleted by someone else");
        drafts.delete("d1", "owner");
        assertTrue(drafts.find("d1", "owner").isEmpty());
    }
}
