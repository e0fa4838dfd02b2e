package uk.gov.inspectorates.portal.core.audit;

/** Checks the whole trail against its chain and its signed checkpoints. */
public interface AuditVerifier {

    AuditVerification verify();
}
