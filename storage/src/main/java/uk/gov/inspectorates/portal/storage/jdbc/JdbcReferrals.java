package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.referral.Referral;
import uk.gov.inspectorates.portal.core.referral.ReferralCategory;
import uk.gov.inspectorates.portal.core.referral.ReferralEntry;
import uk.gov.inspectorates.portal.core.referral.ReferralStep;
import uk.gov.inspectorates.portal.core.referral.Referrals;

/**
 * {@link Referrals} on PostgreSQL (migration V13): one row per referral, a group of columns per step. A step is taken
 * by one conditional update that only matches a referral waiting for it, so two people taking the same step at once
 * cannot both succeed, and no step is ever overwritten.
 */
public final class JdbcReferrals implements Referrals {

    private static final String SELECT = "select * from referral ";

    /** Per step: its columns (text?, by, by name, at) and the condition that the referral waits for it. */
    private static final Map<ReferralStep, String[]> STEPS = new EnumMap<>(Map.of(
            ReferralStep.RESPONSE, new String[] {"response", "responded_by", "responded_by_name", "responded_at",
                "responded_by is null"},
            ReferralStep.EVALUATION, new String[] {"evaluation", "evaluated_by", "evaluated_by_name", "evaluated_at",
                "responded_by is not null and evaluated_by is null"},
            ReferralStep.CHIEF_OFFICER_SIGN_OFF, new String[] {null, "chief_officer_signed_by",
                "chief_officer_signed_name", "chief_officer_signed_at",
                "evaluated_by is not null and chief_officer_signed_by is null"},
            ReferralStep.LEAD_INSPECTOR_SIGN_OFF, new String[] {null, "lead_inspector_signed_by",
                "lead_inspector_signed_name", "lead_inspector_signed_at",
                "chief_officer_signed_by is not null and lead_inspector_signed_by is null"}));

    private final Jdbc jdbc;

    public JdbcReferrals(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(Referral referral) {
        if (!referral.steps().isEmpty()) {
            throw new IllegalArgumentException("a referral is added as raised, before any step");
        }
        jdbc.update("insert into referral (id, inspection_id, agency_id, case_numbers, category, issues, "
                        + "response_required_by, referred_by, referred_by_name, referred_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                referral.id(), referral.inspectionId(), referral.agencyId(),
                referral.caseNumbers().toArray(String[]::new), (short) referral.category().number(),
                referral.issues(), Jdbc.timestamp(referral.responseRequiredBy()), referral.referredBy().byUserId(),
                referral.referredBy().byName(), Jdbc.timestamp(referral.referredBy().at()));
    }

    @Override
    public Optional<Referral> find(String id) {
        return jdbc.query(SELECT + "where id = ?", JdbcReferrals::referral, id).stream().findFirst();
    }

    @Override
    public List<Referral> ofInspection(String inspectionId) {
        return jdbc.query(SELECT + "where inspection_id = ? order by referred_at, id", JdbcReferrals::referral,
                inspectionId);
    }

    @Override
    public List<Referral> toAgency(String agencyId) {
        return jdbc.query(SELECT + "where agency_id = ? order by referred_at, id", JdbcReferrals::referral, agencyId);
    }

    @Override
    public boolean take(String referralId, ReferralStep step, ReferralEntry entry) {
        String[] columns = STEPS.get(step);
        String text = columns[0] == null ? "" : columns[0] + " = ?, ";
        String sql = "update referral set " + text + columns[1] + " = ?, " + columns[2] + " = ?, " + columns[3]
                + " = ? where id = ? and " + columns[4];
        Object[] parameters = columns[0] == null
                ? new Object[] {entry.byUserId(), entry.byName(), Jdbc.timestamp(entry.at()), referralId}
                : new Object[] {entry.text(), entry.byUserId(), entry.byName(), Jdbc.timestamp(entry.at()),
                    referralId};
        return jdbc.update(sql, parameters) == 1;
    }

    private static Referral referral(ResultSet row) throws SQLException {
        Map<ReferralStep, ReferralEntry> steps = new EnumMap<>(ReferralStep.class);
        for (Map.Entry<ReferralStep, String[]> step : STEPS.entrySet()) {
            String[] columns = step.getValue();
            String by = row.getString(columns[1]);
            if (by != null) {
                steps.put(step.getKey(), new ReferralEntry(columns[0] == null ? null : row.getString(columns[0]), by,
                        row.getString(columns[2]), Jdbc.instant(row, columns[3])));
            }
        }
        Array caseNumbers = row.getArray("case_numbers");
        return new Referral(row.getString("id"), row.getString("inspection_id"), row.getString("agency_id"),
                new ReferralEntry(null, row.getString("referred_by"), row.getString("referred_by_name"),
                        Jdbc.instant(row, "referred_at")),
                Arrays.asList((String[]) caseNumbers.getArray()),
                ReferralCategory.of(row.getShort("category")).orElseThrow(), row.getString("issues"),
                Jdbc.instant(row, "response_required_by"), steps);
    }
}
