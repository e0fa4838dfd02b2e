package uk.gov.inspectorates.portal.web.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import uk.gov.inspectorates.portal.core.audit.AuditTrail;
import uk.gov.inspectorates.portal.core.document.MasterKeyRing;
import uk.gov.inspectorates.portal.core.document.ObjectStore;
import uk.gov.inspectorates.portal.core.shared.UnitOfWork;
import uk.gov.inspectorates.portal.storage.jdbc.SchemaMigration;
import uk.gov.inspectorates.portal.web.demo.DemoSeed;

/**
 * On deployment, once {@link ProductionStartCheck} has let a production start go ahead: refuse demo mode where it
 * must not run, migrate the schema (as its owner role, which then grants
 * the portal's own role what it may do: docs/adr/0032), make sure the bucket and the master key
 * exist, and seed the demo directory when asked to. Any failure stops the deployment rather than serving half-ready.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class PortalStartup {

    private static final Logger LOG = Logger.getLogger(PortalStartup.class.getName());

    @Inject
    PortalConfiguration configuration;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectStore objectStore;

    @Inject
    MasterKeyRing masterKeyRing;

    @Inject
    DemoSeed demoSeed;

    @Inject
    uk.gov.inspectorates.portal.core.document.LedgeredKeyService keys;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    UnitOfWork unitOfWork;

    @PostConstruct
    void start() {
        boolean seedDemoData = DemoModePolicy.seedDemoData(configuration.demoEnabled(), configuration.environment());
        Optional<String> owner = SchemaOwnerPolicy.owner(configuration.production(), configuration.dbUser(),
                configuration.dbOwnerUser(), configuration.dbOwnerPassword());
        int migrations = owner.isPresent()
                ? SchemaMigration.migrate(ownerDataSource(owner.get()), Optional.of(configuration.dbUser()))
                : SchemaMigration.migrate(dataSource);
        LOG.info(() -> "Database schema up to date (" + migrations + " migrations applied)");
        // a database restored from a backup may hold KEKs destroyed since: destroy them again before serving
        int shredded = keys.ledgerReplay(audit, unitOfWork, clock).run();
        LOG.info(() -> "Destroyed-scope ledger replayed: " + shredded + " key scope(s) destroyed again");
        try {
            objectStore.checkReachable();
        } catch (IOException e) {
            throw new UncheckedIOException("the object store does not answer", e);
        }
        LOG.info(() -> "Master keys ready: " + masterKeyRing.aliases().size() + " held, current "
                + masterKeyRing.currentAlias());
        if (seedDemoData) {
            demoSeed.seed(configuration.demoPassword(), configuration.demoTotpSecret());
        }
    }

    /** Unpooled: the owner's connections serve the migrations only, at start-up. */
    private DataSource ownerDataSource(String user) {
        PGSimpleDataSource owner = new PGSimpleDataSource();
        owner.setURL(configuration.dbUrl());
        owner.setUser(user);
        owner.setPassword(configuration.dbOwnerPassword().orElse(null));
        return owner;
    }
}
