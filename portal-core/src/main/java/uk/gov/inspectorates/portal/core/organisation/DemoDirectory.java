package uk.gov.inspectorates.portal.core.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The organisations, teams and people of demo mode: the six inspectorates with the protocol's reader-list teams
 * (which every environment has, from the V11 migration), one local authority area with its agencies, an inspection
 * team for each inspectorate, and at least one person for every role. The demo-only part is never seeded unless demo
 * mode is explicitly enabled outside production.
 */
public final class DemoDirectory {

    public static final String LOCAL_AUTHORITY_AREA = "Northdale";
    public static final String LOCAL_AUTHORITY_AREA_ID = "northdale";
    public static final String CHILDRENS_SERVICES_ID = "northdale-childrens-services";
    public static final String POLICE_ID = "northdale-police";
    public static final String HEALTH_ID = "northdale-icb";
    public static final String YOUTH_OFFENDING_ID = "northdale-yos";
    public static final String PROBATION_ID = "northdale-probation";

    /** A demo sign-in: who it is and what they may do. */
    public record DemoUser(String username, String displayName, String organisation, String roleSummary,
                           String organisationId, Set<Role> roles, Set<String> teamIds) {
    }

    private DemoDirectory() {
    }

    public static List<LocalAuthorityArea> localAuthorityAreas() {
        return List.of(new LocalAuthorityArea(LOCAL_AUTHORITY_AREA_ID, LOCAL_AUTHORITY_AREA));
    }

    public static List<Organisation> organisations() {
        List<Organisation> all = new ArrayList<>();
        Arrays.stream(Inspectorate.values()).map(Organisation::of).forEach(all::add);
        all.addAll(agencies());
        return all;
    }

    public static List<Organisation> agencies() {
        return List.of(
                agency(CHILDRENS_SERVICES_ID, "Northdale Council Children's Services",
                        AgencyType.LOCAL_AUTHORITY_CHILDRENS_SERVICES),
                agency(POLICE_ID, "Northdale Police", AgencyType.POLICE_FORCE),
                agency(HEALTH_ID, "Northdale Integrated Care Board", AgencyType.HEALTH_COMMISSIONER),
                agency(YOUTH_OFFENDING_ID, "Northdale Youth Offending Service", AgencyType.YOUTH_OFFENDING_SERVICE),
                agency(PROBATION_ID, "Northdale Probation Delivery Unit", AgencyType.PROBATION_SERVICE));
    }

    /** Every team of demo mode: the protocol's reader-list teams and each inspectorate's demo inspection team. */
    public static List<Team> teams() {
        List<Team> teams = new ArrayList<>();
        for (Inspectorate inspectorate : Inspectorate.values()) {
            teams.addAll(ProtocolReaderLists.teamsOf(inspectorate));
            teams.add(inspectionTeamOf(inspectorate));
        }
        return teams;
    }

    /**
     * The teams only demo mode adds: the inspectorates and their reader-list teams exist in every environment (the
     * V11 migration), so the demo seed leaves them, and any administrator's change to a reader list, alone.
     */
    public static List<Team> demoOnlyTeams() {
        return Arrays.stream(Inspectorate.values()).map(DemoDirectory::inspectionTeamOf).toList();
    }

    private static Team inspectionTeamOf(Inspectorate inspectorate) {
        return new Team(inspectorate.organisationId() + "/inspection-team", inspectorate.organisationId(),
                "Inspection team", false);
    }

    public static List<DemoUser> users() {
        return List.of(
                staff("ofsted.inspector", "Olivia Inspector", Inspectorate.OFSTED, "inspector (shares reports)",
                        Set.of(Role.INSPECTOR), inspectionTeam(Inspectorate.OFSTED)),
                staff("ofsted.lead", "Lena Lead", Inspectorate.OFSTED, "lead inspector (shares reports)",
                        Set.of(Role.LEAD_INSPECTOR), inspectionTeam(Inspectorate.OFSTED)),
                staff("ofsted.analyst", "Dev Analyst", Inspectorate.OFSTED, "data analyst",
                        Set.of(Role.DATA_ANALYST), inspectionTeam(Inspectorate.OFSTED)),
                staff("ofsted.support", "Sam Support", Inspectorate.OFSTED, "inspection support (shares reports)",
                        Set.of(Role.INSPECTION_SUPPORT), inspectionTeam(Inspectorate.OFSTED)),
                staff("ofsted.siro", "Sian Riskowner", Inspectorate.OFSTED, "SIRO",
                        Set.of(Role.SIRO), Set.of()),
                // issue 18: a second inspectorate's SIRO, to show that each SIRO sees their own scope of the trail
                staff("cqc.siro", "Cai Riskowner", Inspectorate.CQC, "SIRO", Set.of(Role.SIRO), Set.of()),
                staff("ofsted.admin", "Adam Administrator", Inspectorate.OFSTED, "administrator",
                        Set.of(Role.ADMINISTRATOR), Set.of()),
                staff("cqc.inspector", "Chris Inspector", Inspectorate.CQC, "inspector (shares reports)",
                        Set.of(Role.INSPECTOR), inspectionTeam(Inspectorate.CQC)),
                staff("hmic.inspector", "Harriet Inspector", Inspectorate.HMIC,
                        "inspector (JTAI: asks the police for information)", Set.of(Role.INSPECTOR),
                        inspectionTeam(Inspectorate.HMIC)),
                staff("hmiprobation.inspector", "Pat Inspector", Inspectorate.HMI_PROBATION,
                        "inspector (JTAI: asks youth offending and probation)", Set.of(Role.INSPECTOR),
                        inspectionTeam(Inspectorate.HMI_PROBATION)),
                reader("ofsted.reader", "Rosa Reader", Inspectorate.OFSTED),
                reader("cqc.reader", "Ravi Reader", Inspectorate.CQC),
                reader("hmic.reader", "Hannah Reader", Inspectorate.HMIC),
                reader("hmiprobation.reader", "Priya Reader", Inspectorate.HMI_PROBATION),
                reader("hmiprisons.reader", "Peter Reader", Inspectorate.HMI_PRISONS),
                reader("hmcpsi.reader", "Carys Reader", Inspectorate.HMCPSI),
                agencyStaff("agency.uploader", "Amir Uploader", "agency uploader", Role.AGENCY_UPLOADER),
                agencyStaff("agency.chief", "Charlotte Chief", "agency chief officer (director of children's services)",
                        Role.AGENCY_CHIEF_OFFICER),
                agencyStaff("agency.admin", "Alex Agency-Admin", "agency administrator", Role.ADMINISTRATOR),
                uploader("police.uploader", "Paul Uploader", "Northdale Police", POLICE_ID),
                uploader("health.uploader", "Hana Uploader", "Northdale Integrated Care Board", HEALTH_ID),
                uploader("yos.uploader", "Yusuf Uploader", "Northdale Youth Offending Service", YOUTH_OFFENDING_ID),
                uploader("probation.uploader", "Polly Uploader", "Northdale Probation Delivery Unit", PROBATION_ID));
    }

    /** An agency uploader of one of Northdale's agencies other than children's services (JTAI evidence). */
    private static DemoUser uploader(String username, String name, String agency, String agencyId) {
        return new DemoUser(username, name, agency, "agency uploader (JTAI evidence)", agencyId,
                Set.of(Role.AGENCY_UPLOADER), Set.of());
    }

    private static DemoUser agencyStaff(String username, String name, String summary, Role role) {
        return new DemoUser(username, name, "Northdale Council Children's Services", summary, CHILDRENS_SERVICES_ID,
                Set.of(role), Set.of());
    }

    private static DemoUser staff(String username, String name, Inspectorate inspectorate, String summary,
                                  Set<Role> roles, Set<String> teams) {
        return new DemoUser(username, name, inspectorate.title(), summary, inspectorate.organisationId(), roles, teams);
    }

    private static DemoUser reader(String username, String name, Inspectorate inspectorate) {
        Team first = ProtocolReaderLists.teamsOf(inspectorate).get(0);
        return new DemoUser(username, name, inspectorate.title(), "reader list: " + first.name(),
                inspectorate.organisationId(), Set.of(Role.READER), Set.of(first.id()));
    }

    private static Set<String> inspectionTeam(Inspectorate inspectorate) {
        return Set.of(inspectorate.organisationId() + "/inspection-team");
    }

    private static Organisation agency(String id, String name, AgencyType type) {
        return Organisation.agency(id, name, type, LOCAL_AUTHORITY_AREA_ID);
    }
}
