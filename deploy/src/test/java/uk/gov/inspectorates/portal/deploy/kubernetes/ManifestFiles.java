package uk.gov.inspectorates.portal.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads manifests (one or several YAML documents a file) into the fabric8 Kubernetes model, offline. */
final class ManifestFiles {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ManifestFiles() {
    }

    /** Every resource of the file: typed where the model knows the kind, generic otherwise. */
    static List<HasMetadata> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return resources(SERIALIZATION.unmarshal(in), file);
        }
    }

    static List<HasMetadata> readAll(String yaml, String what) {
        return resources(SERIALIZATION.unmarshal(yaml), Path.of(what));
    }

    /** A Kustomization (not a Kubernetes resource): its fields as a tree. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> kustomization(Path folder) throws IOException {
        return SERIALIZATION.unmarshal(Files.readString(folder.resolve("kustomization.yaml")), Map.class);
    }

    private static List<HasMetadata> resources(Object parsed, Path file) {
        List<HasMetadata> resources = new ArrayList<>();
        if (parsed instanceof KubernetesList list) {
            resources.addAll(list.getItems());
        } else if (parsed instanceof List<?> documents) {
            for (Object document : documents) {
                resources.addAll(resources(document, file));
            }
        } else if (parsed instanceof HasMetadata resource) {
            resources.add(resource);
        } else if (parsed != null) {
            throw new IllegalArgumentException(file + ": not a Kubernetes resource: " + parsed.getClass().getName());
        }
        return resources;
    }
}
