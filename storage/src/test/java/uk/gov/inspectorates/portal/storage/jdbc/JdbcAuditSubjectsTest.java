package uk.gov.inspectorates.portal.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.inspectorates.portal.core.audit.AuditActors;
import uk.gov.inspectorates.portal.core.audit.AuditSubjects.Belonging;
import uk.gov.inspectorates.portal.core.classification.Classification;
import uk.gov.inspectorates.portal.core.classification.Tier;
import uk.gov.inspectorates.portal.core.document.AcceptedDocument;
import uk.gov.inspectorates.portal.core.document.KeyScope;
import uk.gov.inspectorates.portal.core.document.StoredContent;
import uk.gov.inspectorates.portal.core.document.WrappedKey;
import uk.gov.inspectorates.portal.core.letter.Letter;
import uk.gov.inspectorates.portal.core.letter.LetterKind;
import uk.gov.inspectorates.portal.core.organisation.DemoDirectory;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.organisation.Role;
import uk.gov.inspectorates.portal.core.organisation.UserAccount;
import uk.gov.inspectorates.portal.core.referral.Referral;
import uk.gov.inspectorates.portal.core.referral.ReferralCategory;
import uk.gov.inspectorates.portal.core.referral.ReferralEntry;
import uk.gov.inspectorates.portal.core.report.AnnexBReportTypes;
import uk.gov.inspectorates.portal.core.report.Attestations;
import uk.gov.inspectorates.portal.core.report.Report;
import uk.gov.inspectorates.portal.storage.TestDatabases;

/**
 * What an audited resource belongs to, on real PostgreSQL (docs/adr/0034): reports and letters are their originator's,
 * inspection things the inspection's participants', a removed inspection still its removal record's; and every
 * resource type the domain audits is either resolved here or named as belonging to no report or inspection.
 */
class JdbcAuditSubjectsTest {

    private static final Instant NOW = Instant.parse("2030-03-02T09:00:00Z");

    /** Resource types the domain audits that are nobody's report or inspection (people, organisations, sweeps...). */
    private static final Set<String> NO_REPORT_OR_INSPECTION = Set.of("USER", "TEAM", "ORGANISATION",
            "LOCAL_AUTHORITY_AREA", "INVITATION", "RETENTION", "RETENTION_POLICY", "LEGAL_HOLD", "BUCKET",
            "NOTIFICATION", "MASTER_KEY", "PAGE", "SHARE_DRAFT", "NOTICE", "AUDIT_EVENTS", "AUDIT_TRAIL");
    /** Resolved by {@link JdbcAuditSubjects} (each tested below or through the inspection's own branch). */
    private static final Set<String> RESOLVED = Set.of("REPORT", "LETTER", "INSPECTION", "FINDINGS_LETTER",
            "INFORMATION_REQUEST", "EVIDENCE_DOCUMENT", "FINDINGS_LETTER_DOCUMENT", "REFERRAL", "CHALLENGE", "UPLOAD",
            "REMOVAL_CERTIFICATE", "TERM_PLAN");

    private static DataSource dataSource;
    private static JdbcAuditSubjects subjects;
    private static JdbcReportRepository reports;

    @BeforeAll
    static void start() throws Exception {
        dataSource = TestDatabases.migrated();
        JdbcOrganisationDirectory directory = new JdbcOrganisationDirectory(dataSource);
        DemoDirectory.localAuthorityAreas().forEach(directory::saveLocalAuthorityArea);
        DemoDirectory.organisations().forEach(directory::saveOrganisation);
        directory.saveUser(new UserAccount("ofsted-inspector", "ofsted.inspector", "An Inspector",
                Inspectorate.OFSTED.organisationId(), Set.of(Role.INSPECTOR), Set.of(), null));
        reports = new JdbcReportRepository(dataSource);
        subjects = new JdbcAuditSubjects(dataSource);
    }

    private static void sql(String statementText) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(statementText);
        }
    }

    private static String inspection(Inspectorate... participants) throws Exception {
        String id = UUID.randomUUID().toString();
        sql("insert into inspection (id, local_authority_area_id, theme, notified_on, lead_inspectorate, status, "
                + "opened_by, opened_at) values ('" + id + "', 'northdale', 'Theme', date '2030-03-01', 'OFSTED', "
                + "'OPEN', 'ofsted-inspector', now())");
        for (Inspectorate participant : participants) {
            sql("insert into inspection_participant (inspection_id, inspectorate) values ('" + id + "', '"
                    + participant.name() + "')");
        }
        return id;
    }

    private static Set<String> organisationsOf(Inspectorate... inspectorates) {
        Set<String> ids = new TreeSet<>();
        for (Inspectorate inspectorate : inspectorates) {
            ids.add(inspectorate.organisationId());
        }
        return ids;
    }

    @Test
    void aReportAndItsLettersAreTheirOriginatorsInformation() {
        Report report = aReport();
        Letter letter = new Letter(UUID.randomUUID().toString(), report.id(), Inspectorate.OFSTED, LetterKind.COVERING,
                Set.of(Inspectorate.CQC), new Classification(Tier.OFFICIAL_SENSITIVE, "PERSONAL"), "Do not copy", true,
                null, "ofsted-inspector", NOW, new AcceptedDocument("letter.pdf", "application/pdf",
                new StoredContent(KeyScope.report(report.id()), "objects/" + UUID.randomUUID(),
                        new WrappedKey("kek-" + report.id(), new byte[40]), 500, 600, "cd".repeat(32))));
        new JdbcLetterRepository(dataSource).add(letter);

        assertEquals(new Belonging(report.id(), null, organisationsOf(Inspectorate.OFSTED)),
                subjects.of("REPORT", report.id()));
        assertEquals(new Belonging(report.id(), null, organisationsOf(Inspectorate.OFSTED)),
                subjects.of("LETTER", letter.id()));
    }

    @Test
    void anInspectionAndWhatIsInItAreItsParticipantsInformation() throws Exception {
        String inspection = inspection(Inspectorate.OFSTED, Inspectorate.CQC, Inspectorate.HMIC);
        Set<String> participants = organisationsOf(Inspectorate.OFSTED, Inspectorate.CQC, Inspectorate.HMIC);
        Referral referral = new Referral(UUID.randomUUID().toString(), inspection, "northdale-police",
                new ReferralEntry(null, "ofsted-inspector", "An Inspector", NOW), List.of("CS-1"),
                ReferralCategory.CATEGORY_1, "Issues", NOW.plusSeconds(86_400), Map.of());
        new JdbcReferrals(dataSource).add(referral);

        Belonging expected = new Belonging(null, inspection, participants);
        assertEquals(expected, subjects.of("INSPECTION", inspection));
        assertEquals(expected, subjects.of("FINDINGS_LETTER", inspection));
        assertEquals(expected, subjects.of("REFERRAL", referral.id()));
    }

    @Test
    void aRemovedInspectionIsStillKnownToItsRemovalRecord() throws Exception {
        String gone = UUID.randomUUID().toString();
        sql("insert into removal (id, category, target_kind, target_id, description, due_at, step, removed_by, "
                + "started_at, updated_at, policy_amount, policy_unit, lead_inspectorate, participants) values ('"
                + UUID.randomUUID() + "', 'JTAI', 'INSPECTION', '" + gone + "', 'x', now(), 'ROWS_DELETED', 'policy',"
                + " now(), now(), 1, 'YEARS', 'OFSTED', '{CQC,HMI_PROBATION}')");

        assertEquals(new Belonging(null, gone, organisationsOf(Inspectorate.OFSTED, Inspectorate.CQC,
                Inspectorate.HMI_PROBATION)), subjects.of("INSPECTION", gone));
    }

    @Test
    void somethingUnknownOrNobodysBelongsToNothing() {
        assertEquals(new Belonging("missing", null, Set.of()), subjects.of("REPORT", "missing"));
        assertEquals(Belonging.NOTHING, subjects.of("LETTER", "missing"));
        assertEquals(Belonging.NOTHING, subjects.of("EVIDENCE_DOCUMENT", "missing"));
        assertEquals(Belonging.NOTHING, subjects.of("CHALLENGE", "missing' or '1'='1"));
        assertEquals(Belonging.NOTHING, subjects.of("UPLOAD", "missing"));
        assertEquals(Belonging.NOTHING, subjects.of("REMOVAL_CERTIFICATE", "missing"));
        assertEquals(Belonging.NOTHING, subjects.of("TERM_PLAN", "missing"));
        assertEquals(Belonging.NOTHING, subjects.of("USER", "ofsted-inspector"));
        assertEquals(Belonging.NOTHING, subjects.of(null, null));
    }

    /**
     * Every resource type the domain names in an audited act or event (read from portal-core's sources) is either
     * resolved or listed as belonging to no report or inspection: a new type fails here until it is classified.
     */
    @Test
    void everyResourceTypeTheDomainAuditsIsClassified() throws IOException {
        Path core = Path.of("..", "portal-core", "src", "main", "java");
        assertTrue(Files.isDirectory(core), "run from the storage module: " + core.toAbsolutePath());
        Pattern literal = Pattern.compile("(?:Act\\.of\\([^,]+,|\\.about\\(|AuditActions\\.[A-Z_]+,)\\s*\"([A-Z_]+)\""
                + "|(?:RESOURCE_TYPE|KIND|INSPECTION|REFERRAL)\\s*=\\s*\"([A-Z_]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(core)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher found = literal.matcher(Files.readString(file));
                while (found.find()) {
                    used.add(found.group(1) != null ? found.group(1) : found.group(2));
                }
            }
        }
        assertTrue(used.containsAll(Set.of("REPORT", "LETTER", "INSPECTION", "EVIDENCE_DOCUMENT", "USER")),
                "the scan finds the domain's types: " + used);
        Set<String> unclassified = new TreeSet<>(used);
        unclassified.removeAll(RESOLVED);
        unclassified.removeAll(NO_REPORT_OR_INSPECTION);
        assertEquals(Set.of(), unclassified, "resource types neither resolved nor listed as nobody's");
        for (String type : RESOLVED) {
            subjects.of(type, "missing");
        }
    }

    @Test
    void aPersonsOrganisationAndRolesAreReadFromTheDirectory() {
        JdbcAuditActors actors = new JdbcAuditActors(dataSource);

        assertEquals(java.util.Optional.of(new AuditActors.Actor(Inspectorate.OFSTED.organisationId(), "INSPECTOR")),
                actors.of("ofsted-inspector"));
        assertEquals(java.util.Optional.empty(), actors.of("nobody"));
    }

    @Test
    void anInspectionsOwnersAreReadOnceAndWhatIsInItAsksOnlyWhichInspection() throws Exception {
        String inspection = inspection(Inspectorate.OFSTED, Inspectorate.CQC);
        Referral referral = new Referral(UUID.randomUUID().toString(), inspection, "northdale-police",
                new ReferralEntry(null, "ofsted-inspector", "An Inspector", NOW), List.of("CS-2"),
                ReferralCategory.CATEGORY_1, "Issues", NOW.plusSeconds(86_400), Map.of());
        new JdbcReferrals(dataSource).add(referral);
        AtomicInteger statements = new AtomicInteger();
        JdbcAuditSubjects counted = new JdbcAuditSubjects(counting(dataSource, statements));
        Belonging expected = new Belonging(null, inspection,
                organisationsOf(Inspectorate.OFSTED, Inspectorate.CQC));

        assertEquals(expected, counted.of("INSPECTION", inspection));
        assertEquals(1, statements.getAndSet(0));
        assertEquals(expected, counted.of("INSPECTION", inspection));
        assertEquals(expected, counted.of("FINDINGS_LETTER", inspection));
        assertEquals(0, statements.get(), "the owners are remembered");
        assertEquals(expected, counted.of("REFERRAL", referral.id()));
        assertEquals(1, statements.getAndSet(0), "only the referral's inspection is asked");

        String notYet = UUID.randomUUID().toString();
        assertEquals(new Belonging(null, notYet, Set.of()), counted.of("INSPECTION", notYet));
        assertEquals(1, statements.getAndSet(0));
        assertEquals(new Belonging(null, notYet, Set.of()), counted.of("INSPECTION", notYet));
        assertEquals(1, statements.get(), "an inspection without owners is asked again: it may be opened since");
    }

    /** The data source, counting the statements prepared on its connections. */
    private static DataSource counting(DataSource real, AtomicInteger statements) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (c, m, a) -> {
                                if (m.getName().equals("prepareStatement") || m.getName().equals("createStatement")) {
                                    statements.incrementAndGet();
                                }
                                return invoke(connection, m, a);
                            });
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Report aReport() {
        String id = UUID.randomUUID().toString();
        StoredContent content = new StoredContent(KeyScope.report(id), "objects/" + id,
                new WrappedKey("kek-" + id, new byte[40]), 1000, 1100, "ab".repeat(32));
        Report report = new Report(id, "Northdale JTAI", AnnexBReportTypes.of(Inspectorate.OFSTED).get(0),
                "Northdale Council", new Classification(Tier.OFFICIAL_SENSITIVE, "PERSONAL"), "Do not forward",
                new Attestations(true, true, true), Inspectorate.OFSTED, Set.of(Inspectorate.CQC, Inspectorate.HMIC),
                null, "ofsted-inspector", NOW.minusSeconds(86_400),
                new AcceptedDocument("report.pdf", "application/pdf", content), null, null);
        reports.add(report);
        return report;
    }
}
