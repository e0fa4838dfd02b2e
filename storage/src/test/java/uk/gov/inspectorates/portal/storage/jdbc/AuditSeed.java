package uk.gov.inspectorates.portal.storage.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A large trail for plans and the benchmark, inserted by one {@code generate_series} statement (test data: the
 * hashes are not a chain). Event {@code g} (from 1) is at {@code START + 30 s * g}, by {@code user-(g % 500)} of one
 * of eight organisations, about {@code report-(g % 2000)}, every third one in {@code inspection-(g % 300)}, owned by
 * one of six inspectorates; one in 50 denied, one in 97 refused; every fourth a download with id
 * {@link #downloadId}.
 */
final class AuditSeed {

    static final Instant START = Instant.parse("2029-01-01T00:00:00Z");

    private AuditSeed() {
    }

    static String insertSql(int events) {
        return "insert into audit_event (at, actor_id, actor_organisation_id, actor_roles, action, resource_type, "
                + "resource_id, report_id, inspection_id, information_owners, outcome, detail, download_id, "
                + "previous_hash, hash) "
                + "select timestamptz '" + START + "' + g * interval '30 seconds', 'user-' || (g % 500), "
                + "(array['ofsted','cqc','hmic','hmi-probation','hmi-prisons','hmcpsi','northdale-council',"
                + "'northdale-police'])[1 + g % 8], 'INSPECTOR', "
                + "case when g % 4 = 0 then 'REPORT_DOWNLOAD' else (array['REPORT_VIEW','REPORT_LIST','SIGN_IN',"
                + "'INSPECTION_VIEW','LETTER_VIEW','EVIDENCE_UPLOAD','INFORMATION_REQUEST_VIEW'])[1 + (g / 7) % 7] "
                + "end, 'REPORT', 'report-' || (g % 2000), 'report-' || (g % 2000), "
                + "case when g % 3 = 0 then 'inspection-' || (g % 300) end, "
                + "array[(array['ofsted','cqc','hmic','hmi-probation','hmi-prisons','hmcpsi'])[1 + (g / 11) % 6]], "
                + "case when g % 50 = 0 then 'DENIED' when g % 97 = 0 then 'REFUSED' else 'SUCCEEDED' end, "
                + "'seeded', case when g % 4 = 0 then md5('d' || g) end, null, decode(md5(g::text), 'hex') "
                + "from generate_series(1, " + events + ") as g";
    }

    /** The download id of event {@code g} (a multiple of 4). */
    static String downloadId(int g) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(("d" + g).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
