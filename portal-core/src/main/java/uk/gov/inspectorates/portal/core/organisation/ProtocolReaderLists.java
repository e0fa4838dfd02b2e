package uk.gov.inspectorates.portal.core.organisation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reader-list teams named by the information sharing protocol ("Process for sharing"): while a report is under
 * embargo, only these teams of each party may open it. Administrators may edit the lists; these are the seed.
 */
public final class ProtocolReaderLists {

    private static final Map<Inspectorate, List<String>> TEAMS = Map.of(
            Inspectorate.OFSTED, List.of(
                    "Social care policy team",
                    "Social care senior management team",
                    "Inspection support management team for local authority social care inspection"),
            Inspectorate.CQC, List.of(
                    "Children's, Health and Justice Team",
                    "Senior management, Primary Medical Services and Integrated Care Directorate"),
            Inspectorate.HMIC, List.of(
                    "HMI for Protecting Vulnerable People and Criminal Justice Joint Inspection",
                    "Programme Director for PVP/CJJI",
                    "Head of Protecting Vulnerable People"),
            Inspectorate.HMI_PROBATION, List.of(
                    "Senior management team"),
            Inspectorate.HMI_PRISONS, List.of(
                    "Senior management team",
                    "Inspection support team"),
            Inspectorate.HMCPSI, List.of(
                    "Senior management team",
                    "Legal inspectors",
                    "Business inspectors"));

    private ProtocolReaderLists() {
    }

    public static List<Team> teamsOf(Inspectorate inspectorate) {
        return TEAMS.get(inspectorate).stream()
                .map(name -> new Team(teamId(inspectorate, name), inspectorate.organisationId(), name, true))
                .toList();
    }

    static String teamId(Inspectorate inspectorate, String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return inspectorate.organisationId() + "/" + slug;
    }
}
