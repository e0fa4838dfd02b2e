package uk.gov.inspectorates.portal.core.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a port whose adapter keeps or reads the portal's information (PostgreSQL, the object store, shipped reference
 * data): repositories, the audit trail, the key service, credentials, sessions, bank holidays. What serves a person's request reaches these only through a core
 * service that asks the policy; portal-web's WebArchitectureTest finds them by this mark, whatever their name, and
 * fails if a storage adapter implements a port without it (docs/adr/0017).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PersistencePort {
}
