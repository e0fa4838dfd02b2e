package uk.gov.inspectorates.portal.core.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClassificationTest {

    @Test
    void markingWithoutDescriptorIsTheTierInCapitals() {
        assertEquals("OFFICIAL", Classification.of(Tier.OFFICIAL).marking());
        assertEquals("OFFICIAL-SENSITIVE", Classification.of(Tier.OFFICIAL_SENSITIVE).marking());
        assertEquals("TOP SECRET", Classification.of(Tier.TOP_SECRET).marking());
    }

    @Test
    void markingWithDescriptorFollowsTheTierInCapitals() {
        Classification personal = new Classification(Tier.OFFICIAL_SENSITIVE, "  personal ");

        assertEquals("OFFICIAL-SENSITIVE PERSONAL", personal.marking());
        assertEquals(Optional.of("PERSONAL"), personal.optionalDescriptor());
    }

    @Test
    void blankDescriptorIsNoDescriptor() {
        Classification blank = new Classification(Tier.OFFICIAL_SENSITIVE, "   ");

        assertEquals(Optional.empty(), blank.optionalDescriptor());
        assertEquals("OFFICIAL-SENSITIVE", blank.marking());
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"OFFICIAL", "OFFICIAL_SENSITIVE"})
    void officialTiersArePermittedInThePortal(Tier tier) {
        assertTrue(tier.permittedInPortal());
        assertFalse(Classification.of(tier).defaultHandlingInstructions().isBlank());
    }

    @ParameterizedTest
    @EnumSource(value = Tier.class, names = {"SECRET", "TOP_SECRET"})
    void secretAndTopSecretAreNeverPermittedInThePortal(Tier tier) {
        assertFalse(tier.permittedInPortal());
        assertThrows(IllegalStateException.class, () -> Classification.of(tier).defaultHandlingInstructions());
    }

    @Test
    void tierIsRequired() {
        assertThrows(NullPointerException.class, () -> new Classification(null, "PERSONAL"));
    }
}
