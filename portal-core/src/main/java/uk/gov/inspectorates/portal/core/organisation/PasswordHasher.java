package uk.gov.inspectorates.portal.core.organisation;

/** One-way hashing of local passwords with a memory-hard function. */
public interface PasswordHasher {

    String hash(char[] password);

    boolean matches(char[] password, String hash);
}
