package uk.gov.inspectorates.portal.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaOwnerPolicyTest {

    @Test
    void productionMigratesAsASeparateOwner() {
        assertEquals(Optional.of("portal_owner"), SchemaOwnerPolicy.owner(true, "portal_app",
                Optional.of("portal_owner"), Optional.of("secret")));
    }

    @Test
    void productionRefusesToStartWithoutASeparateOwner() {
        for (Optional<String> owner : java.util.List.of(Optional.<String>empty(), Optional.of("portal_app"))) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> SchemaOwnerPolicy.owner(true, "portal_app", owner, Optional.of("secret")));
            assertEquals(SchemaOwnerPolicy.REFUSAL, refused.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> SchemaOwnerPolicy.owner(true, "portal_app",
                Optional.of("portal_owner"), Optional.empty()), "an owner without a password");
    }

    @Test
    void elsewhereWithoutAnOwnerThePortalsRoleMigrates() {
        assertEquals(Optional.empty(), SchemaOwnerPolicy.owner(false, "portal", Optional.empty(), Optional.empty()));
        assertEquals(Optional.empty(), SchemaOwnerPolicy.owner(false, "portal", Optional.of("portal"),
                Optional.empty()));
        assertEquals(Optional.of("portal"), SchemaOwnerPolicy.owner(false, "portal_app", Optional.of("portal"),
                Optional.of("local")));
    }
}
