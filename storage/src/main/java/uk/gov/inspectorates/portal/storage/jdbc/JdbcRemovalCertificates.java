package uk.gov.inspectorates.portal.storage.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import uk.gov.inspectorates.portal.core.organisation.Inspectorate;
import uk.gov.inspectorates.portal.core.removal.RemovalCertificates;
import uk.gov.inspectorates.portal.core.removal.SignedCertificate;

/** Issued removal certificates (V22): one per removal, kept after the inspection has gone. */
public final class JdbcRemovalCertificates implements RemovalCertificates {

    private final Jdbc jdbc;

    public JdbcRemovalCertificates(DataSource dataSource) {
        this.jdbc = new Jdbc(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public SignedCertificate issue(SignedCertificate certificate) {
        List<String> participants = certificate.participants().stream().map(Enum::name).sorted().toList();
        participants = new java.util.ArrayList<>(participants);
        participants.remove(certificate.leadInspectorate().name());
        participants.add(0, certificate.leadInspectorate().name());
        jdbc.update("insert into removal_certificate (id, removal_id, target_id, issued_at, participants, canonical, "
                        + "signature, signing_key_id) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (removal_id) do nothing",
                certificate.id(), certificate.removalId(), certificate.inspectionId(),
                Jdbc.timestamp(certificate.issuedAt()), participants.toArray(String[]::new), certificate.canonical(),
                certificate.signature(), certificate.signingKeyId());
        return ofRemoval(certificate.removalId()).orElseThrow();
    }

    @Override
    public Optional<SignedCertificate> find(String id) {
        return one("select * from removal_certificate where id = ?", id);
    }

    @Override
    public Optional<SignedCertificate> ofRemoval(String removalId) {
        return one("select * from removal_certificate where removal_id = ?", removalId);
    }

    @Override
    public Optional<SignedCertificate> ofInspection(String inspectionId) {
        return one("select c.* from removal_certificate c join removal r on r.id = c.removal_id "
                + "where r.target_kind = 'INSPECTION' and c.target_id = ?", inspectionId);
    }

    @Override
    public List<SignedCertificate> all() {
        return jdbc.query("select * from removal_certificate order by issued_at desc, id",
                JdbcRemovalCertificates::certificate);
    }

    private Optional<SignedCertificate> one(String sql, String parameter) {
        return jdbc.query(sql, JdbcRemovalCertificates::certificate, parameter).stream().findFirst();
    }

    /** The participants are stored lead first. */
    private static SignedCertificate certificate(ResultSet row) throws SQLException {
        String[] stored = (String[]) row.getArray("participants").getArray();
        Set<Inspectorate> participants = EnumSet.noneOf(Inspectorate.class);
        Arrays.stream(stored).map(Inspectorate::valueOf).forEach(participants::add);
        return new SignedCertificate(row.getString("id"), row.getString("removal_id"), row.getString("target_id"),
                Inspectorate.valueOf(stored[0]), participants, Jdbc.instant(row, "issued_at"),
                row.getBytes("canonical"), row.getBytes("signature"), row.getString("signing_key_id"));
    }
}
