package uk.gov.inspectorates.portal.security.saml;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import net.shibboleth.utilities.java.support.component.ComponentInitializationException;
import net.shibboleth.utilities.java.support.xml.BasicParserPool;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import net.shibboleth.utilities.java.support.xml.XMLParserException;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.core.xml.io.Unmarshaller;
import org.opensaml.core.xml.io.UnmarshallingException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * OpenSAML, initialised once per JVM, and the one hardened parser every SAML message and metadata document goes
 * through: no DOCTYPE (so no external entities and no entity expansion), secure processing on, no XInclude.
 */
public final class OpenSaml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    private static volatile BasicParserPool parserPool;

    private OpenSaml() {
    }

    /** Initialises OpenSAML (once) and returns the hardened parser pool. */
    public static BasicParserPool initialise() {
        BasicParserPool pool = parserPool;
        if (pool == null) {
            synchronized (OpenSaml.class) {
                pool = parserPool;
                if (pool == null) {
                    try {
                        InitializationService.initialize();
                    } catch (InitializationException e) {
                        throw new IllegalStateException("OpenSAML did not initialise", e);
                    }
                    pool = hardenedParserPool();
                    parserPool = pool;
                }
            }
        }
        return pool;
    }

    private static BasicParserPool hardenedParserPool() {
        BasicParserPool pool = new BasicParserPool();
        pool.setNamespaceAware(true);
        pool.setExpandEntityReferences(false);
        pool.setXincludeAware(false);
        pool.setDTDValidating(false);
        Map<String, Boolean> features = new HashMap<>();
        features.put(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        features.put(DISALLOW_DOCTYPE, true);
        features.put(EXTERNAL_GENERAL_ENTITIES, false);
        features.put(EXTERNAL_PARAMETER_ENTITIES, false);
        features.put(LOAD_EXTERNAL_DTD, false);
        pool.setBuilderFeatures(features);
        pool.setMaxPoolSize(20);
        try {
            pool.initialize();
        } catch (ComponentInitializationException e) {
            throw new IllegalStateException("SAML parser pool did not initialise", e);
        }
        return pool;
    }

    /** Parses and unmarshalls with the hardened parser; any parser or unmarshalling fault is the caller's to refuse. */
    static XMLObject read(byte[] xml) throws XMLParserException, UnmarshallingException {
        Document document = initialise().parse(new ByteArrayInputStream(xml));
        Element root = document.getDocumentElement();
        Unmarshaller unmarshaller = XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(root);
        if (unmarshaller == null) {
            throw new UnmarshallingException("no unmarshaller for " + root.getNamespaceURI() + " " + root.getLocalName());
        }
        return unmarshaller.unmarshall(root);
    }

    @SuppressWarnings("unchecked")
    static <T extends XMLObject> T build(QName elementName) {
        initialise();
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory().getBuilderOrThrow(elementName)
                .buildObject(elementName);
    }

    static Element marshall(XMLObject object) {
        try {
            return XMLObjectProviderRegistrySupport.getMarshallerFactory().getMarshaller(object).marshall(object);
        } catch (MarshallingException e) {
            throw new IllegalStateException("could not marshall " + object.getElementQName(), e);
        }
    }

    static String serialise(Element element) {
        return SerializeSupport.nodeToString(element);
    }
}
