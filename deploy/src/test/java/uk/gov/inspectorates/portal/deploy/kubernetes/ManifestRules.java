package uk.gov.inspectorates.portal.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rules every set of manifests of the portal keeps (docs/adr/0044), checked on resources as the fabric8
 * Kubernetes model reads them. Each violation starts with its rule's id, so that a test can show that each rule finds
 * what it is for. Operator resources (CloudNativePG's {@code Cluster}) are not in the model: they are read as generic
 * resources and their fields checked here by name.
 */
final class ManifestRules {

    static final String KNOWN_KIND = "kind.known";
    static final String UNKNOWN_FIELD = "field.known";
    static final String NO_SECRET = "secret.not-in-files";
    static final String REPLICAS = "workload.replicas";
    static final String RESOURCES = "workload.resources";
    static final String PROBES = "workload.probes";
    static final String PINNED_IMAGE = "workload.pinned-image";
    static final String NON_ROOT = "workload.non-root";
    static final String DISRUPTION_BUDGET = "workload.disruption-budget";
    static final String NETWORK_POLICY = "workload.network-policy";
    static final String PORTAL_HEALTH = "portal.health-probes";
    static final String PORTAL_KEYSTORE = "portal.keystore-from-secret";
    static final String INGRESS_TLS = "ingress.tls";
    static final String DATABASE = "database.cloudnativepg";
    static final String OBJECT_STORE = "object-store.distributed";
    static final String SCANNER = "scanner.signature-updates";

    /** Operator resources allowed beside the model's kinds, each checked by its own rule. */
    static final Set<String> OPERATOR_KINDS = Set.of("postgresql.cnpg.io/v1 Cluster");

    /** CloudNativePG's Cluster spec fields (v1.2x), so that a misspelt one is found. */
    private static final Set<String> CLUSTER_SPEC_FIELDS = Set.of("instances", "imageName", "imageCatalogRef",
            "primaryUpdateStrategy", "primaryUpdateMethod", "enableSuperuserAccess", "superuserSecret", "bootstrap",
            "managed", "postgresql", "affinity", "resources", "storage", "walStorage", "backup", "monitoring",
            "certificates", "description", "inheritedMetadata", "minSyncReplicas", "maxSyncReplicas", "replica",
            "externalClusters", "logLevel", "startDelay", "stopDelay", "switchoverDelay", "failoverDelay",
            "nodeMaintenanceWindow", "priorityClassName", "topologySpreadConstraints", "env", "envFrom",
            "tablespaces", "enablePDB", "plugins", "projectedVolumeTemplate", "smartShutdownTimeout",
            "ephemeralVolumeSource", "ephemeralVolumesSizeLimit", "seccompProfile", "podSecurityContext",
            "securityContext", "serviceAccountTemplate", "postgresUID", "postgresGID", "probes");

    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|ACCESS_KEY|PRIVATE_KEY|CREDENTIAL).*");
    private static final Pattern SECRET_FIELD = Pattern.compile("(?i).*(password|passwd|secret|token|accesskey).*");
    private static final Pattern PRIVATE_KEY_TEXT = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

    private final List<HasMetadata> resources;
    private final List<String> violations = new ArrayList<>();

    private ManifestRules(List<HasMetadata> resources) {
        this.resources = resources;
    }

    /** Every rule broken by these resources (one installation's worth), each as "rule-id: what and where". */
    static List<String> violations(List<HasMetadata> resources) {
        ManifestRules rules = new ManifestRules(resources);
        rules.check();
        return List.copyOf(rules.violations);
    }

    /**
     * The rules that hold for any one file, also a partial resource (an overlay's patch): known kinds, no field
     * unknown to the model, no secret written.
     */
    static List<String> fileViolations(List<HasMetadata> resources) {
        ManifestRules rules = new ManifestRules(resources);
        rules.eachResource();
        return List.copyOf(rules.violations);
    }

    private void eachResource() {
        for (HasMetadata resource : resources) {
            knownKind(resource);
            if (!(resource instanceof GenericKubernetesResource)) {
                unknownFields(name(resource), resource);
            }
            noSecretLiteral(resource);
        }
    }

    private void check() {
        eachResource();
        workloads().forEach(this::workload);
        portal();
        ingresses();
        database();
        objectStore();
        scanner();
    }

    // ---- every resource

    private void knownKind(HasMetadata resource) {
        if (resource instanceof GenericKubernetesResource
                && !OPERATOR_KINDS.contains(resource.getApiVersion() + " " + resource.getKind())) {
            violation(KNOWN_KIND, name(resource) + " (" + resource.getApiVersion() + ") is neither a Kubernetes kind "
                    + "nor an operator resource this test checks");
        }
    }

    /** Fields the model does not know land in additionalProperties: a misspelt probe is not a probe. */
    private void unknownFields(String where, Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?>) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(where + "[" + i++ + "]", item);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(where + "." + key, item));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    violation(UNKNOWN_FIELD, where + ": fields unknown to the Kubernetes model: " + unknown.keySet());
                }
            } else if (!getter.getName().equals("getClass")) {
                unknownFields(where + "." + property(getter.getName()), field);
            }
        }
    }

    private void noSecretLiteral(HasMetadata resource) {
        if (resource instanceof Secret) {
            violation(NO_SECRET, name(resource) + ": a Secret in the files; create it in the cluster instead");
        }
        if (resource instanceof ConfigMap configMap && configMap.getData() != null) {
            configMap.getData().keySet().stream().filter(key -> SECRET_NAME.matcher(key).matches()).forEach(key ->
                    violation(NO_SECRET, name(resource) + ": " + key + " is a secret in a ConfigMap"));
        }
        for (PodSpec pod : podSpecs(resource)) {
            for (Container container : allContainers(pod)) {
                for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    if (env.getValue() != null && SECRET_NAME.matcher(env.getName()).matches()) {
                        violation(NO_SECRET, name(resource) + " " + container.getName() + ": " + env.getName()
                                + " is written in the file; take it from a Secret (valueFrom.secretKeyRef)");
                    }
                }
            }
        }
        secretFields(name(resource), asTree(resource));
    }

    /** Anywhere in a resource (operator resources too): a secret-named field holding text, or a private key. */
    private void secretFields(String where, Object tree) {
        if (tree instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                // a field naming a Secret (secretName, ...) refers to one and is no secret itself
                if (value instanceof String text && SECRET_FIELD.matcher(String.valueOf(key)).matches()
                        && !String.valueOf(key).endsWith("Name") && !where.endsWith("secretKeyRef")) {
                    violation(NO_SECRET, where + "." + key + " holds a literal (" + text.length() + " characters)");
                }
                secretFields(where + "." + key, value);
            });
        } else if (tree instanceof List<?> list) {
            list.forEach(item -> secretFields(where, item));
        } else if (tree instanceof String text && PRIVATE_KEY_TEXT.matcher(text).find()) {
            violation(NO_SECRET, where + ": a private key in the files");
        }
    }

    // ---- workloads

    private record Workload(HasMetadata resource, Integer replicas, PodTemplateSpec template) {

        Map<String, String> labels() {
            return Optional.ofNullable(template.getMetadata()).map(meta -> meta.getLabels()).orElse(Map.of());
        }
    }

    private Stream<Workload> workloads() {
        return resources.stream().flatMap(resource -> {
            if (resource instanceof Deployment deployment) {
                return Stream.of(new Workload(resource, deployment.getSpec().getReplicas(),
                        deployment.getSpec().getTemplate()));
            }
            if (resource instanceof StatefulSet statefulSet) {
                return Stream.of(new Workload(resource, statefulSet.getSpec().getReplicas(),
                        statefulSet.getSpec().getTemplate()));
            }
            return Stream.empty();
        });
    }

    private void workload(Workload workload) {
        String name = name(workload.resource());
        if (workload.replicas() == null || workload.replicas() < 2) {
            violation(REPLICAS, name + " runs " + workload.replicas() + " replica(s): at least 2");
        }
        PodSpec pod = workload.template().getSpec();
        for (Container container : allContainers(pod)) {
            resources(name + " " + container.getName(), container.getResources());
            pinnedImage(name + " " + container.getName(), container.getImage());
            boolean noEscalation = container.getSecurityContext() != null
                    && Boolean.FALSE.equals(container.getSecurityContext().getAllowPrivilegeEscalation());
            boolean nonRoot = (pod.getSecurityContext() != null
                    && Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot()))
                    || (container.getSecurityContext() != null
                    && Boolean.TRUE.equals(container.getSecurityContext().getRunAsNonRoot()));
            if (!noEscalation || !nonRoot) {
                violation(NON_ROOT, name + " " + container.getName() + ": runAsNonRoot and "
                        + "allowPrivilegeEscalation=false are required");
            }
        }
        for (Container container : Optional.ofNullable(pod.getContainers()).orElse(List.of())) {
            if (container.getReadinessProbe() == null || container.getLivenessProbe() == null) {
                violation(PROBES, name + " " + container.getName() + ": readiness and liveness probes are required");
            }
        }
        if (resources.stream().noneMatch(resource -> resource instanceof PodDisruptionBudget pdb
                && selects(pdb.getSpec().getSelector() == null ? null : pdb.getSpec().getSelector().getMatchLabels(),
                workload.labels()))) {
            violation(DISRUPTION_BUDGET, name + ": no PodDisruptionBudget selects its pods");
        }
        if (resources.stream().noneMatch(resource -> resource instanceof NetworkPolicy policy
                && policy.getSpec().getPodSelector() != null
                && selects(policy.getSpec().getPodSelector().getMatchLabels(), workload.labels()))) {
            violation(NETWORK_POLICY, name + ": no NetworkPolicy of its own selects its pods");
        }
    }

    private void resources(String where, ResourceRequirements requirements) {
        boolean requests = requirements != null && requirements.getRequests() != null
                && requirements.getRequests().containsKey("cpu") && requirements.getRequests().containsKey("memory");
        boolean memoryLimit = requirements != null && requirements.getLimits() != null
                && requirements.getLimits().containsKey("memory");
        if (!requests || !memoryLimit) {
            violation(RESOURCES, where + ": cpu and memory requests and a memory limit are required");
        }
    }

    private void pinnedImage(String where, String image) {
        String name = image == null ? "" : image.substring(image.lastIndexOf('/') + 1);
        if (!name.contains("@sha256:") && (!name.contains(":") || name.endsWith(":latest"))) {
            violation(PINNED_IMAGE, where + ": image " + image + " has no version (a tag other than latest, or a digest)");
        }
    }

    // ---- the portal

    private void portal() {
        Optional<Deployment> portal = resources.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .filter(deployment -> deployment.getMetadata().getName().equals("portal")).findFirst();
        if (portal.isEmpty()) {
            violation(PORTAL_HEALTH, "no Deployment named portal");
            return;
        }
        PodSpec pod = portal.get().getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        if (!httpPath(container.getReadinessProbe()).equals("/health/ready")
                || !httpPath(container.getLivenessProbe()).equals("/health/live")) {
            violation(PORTAL_HEALTH, "Deployment/portal: readiness on /health/ready and liveness on /health/live");
        }
        Optional<String> keystorePath = setting(container, "PORTAL_KEYSTORE_PATH");
        boolean fromSecret = keystorePath.isPresent() && Optional.ofNullable(container.getVolumeMounts())
                .orElse(List.of()).stream().filter(mount -> keystorePath.get().startsWith(mount.getMountPath() + "/"))
                .map(VolumeMount::getName).anyMatch(volume -> pod.getVolumes().stream()
                        .filter(candidate -> candidate.getName().equals(volume)).map(Volume::getSecret)
                        .anyMatch(Objects::nonNull));
        if (!fromSecret) {
            violation(PORTAL_KEYSTORE, "Deployment/portal: PORTAL_KEYSTORE_PATH must lie in a volume mounted from a "
                    + "Secret (now " + keystorePath.orElse("unset") + ")");
        }
    }

    /** A setting of the container: its own env, or a key of a ConfigMap it takes its environment from. */
    private Optional<String> setting(Container container, String name) {
        Optional<String> own = Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                .filter(env -> env.getName().equals(name) && env.getValue() != null).map(EnvVar::getValue).findFirst();
        if (own.isPresent()) {
            return own;
        }
        return Optional.ofNullable(container.getEnvFrom()).orElse(List.of()).stream()
                .filter(source -> source.getConfigMapRef() != null).map(source -> source.getConfigMapRef().getName())
                .flatMap(configMap -> resources.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                        .filter(map -> map.getMetadata().getName().equals(configMap)))
                .map(map -> map.getData().get(name)).filter(Objects::nonNull).findFirst();
    }

    private static String httpPath(Probe probe) {
        return probe == null || probe.getHttpGet() == null ? "" : String.valueOf(probe.getHttpGet().getPath());
    }

    // ---- ingress

    private void ingresses() {
        List<Ingress> ingresses = resources.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast).toList();
        if (ingresses.isEmpty()) {
            violation(INGRESS_TLS, "no Ingress");
        }
        for (Ingress ingress : ingresses) {
            List<IngressTLS> tls = Optional.ofNullable(ingress.getSpec().getTls()).orElse(List.of());
            List<String> secured = tls.stream().filter(entry -> entry.getSecretName() != null)
                    .flatMap(entry -> Optional.ofNullable(entry.getHosts()).orElse(List.of()).stream()).toList();
            for (IngressRule rule : Optional.ofNullable(ingress.getSpec().getRules()).orElse(List.of())) {
                if (rule.getHost() == null || !secured.contains(rule.getHost())) {
                    violation(INGRESS_TLS, name(ingress) + ": host " + rule.getHost() + " is not served over TLS "
                            + "(spec.tls with a secretName)");
                }
                Optional.ofNullable(rule.getHttp()).map(http -> http.getPaths()).orElse(List.of()).stream()
                        .map(path -> path.getBackend().getService().getName())
                        .filter(service -> resources.stream().noneMatch(resource -> resource instanceof Service
                                && resource.getMetadata().getName().equals(service)))
                        .forEach(service -> violation(INGRESS_TLS, name(ingress) + ": no Service " + service));
            }
        }
    }

    // ---- the engines

    private void database() {
        List<GenericKubernetesResource> clusters = resources.stream().filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast)
                .filter(resource -> "postgresql.cnpg.io/v1".equals(resource.getApiVersion())
                        && "Cluster".equals(resource.getKind())).toList();
        if (clusters.isEmpty()) {
            violation(DATABASE, "no CloudNativePG Cluster");
        }
        for (GenericKubernetesResource cluster : clusters) {
            String name = name(cluster);
            Map<String, Object> spec = map(cluster.getAdditionalProperties().get("spec"));
            spec.keySet().stream().filter(field -> !CLUSTER_SPEC_FIELDS.contains(field)).forEach(field ->
                    violation(DATABASE, name + ": spec." + field + " is not a field of CloudNativePG's Cluster"));
            if (!(spec.get("instances") instanceof Number instances) || instances.intValue() < 2) {
                violation(DATABASE, name + ": spec.instances must be at least 2 (a primary and a standby)");
            }
            if (!Boolean.FALSE.equals(spec.get("enableSuperuserAccess"))) {
                violation(DATABASE, name + ": spec.enableSuperuserAccess must be false");
            }
            if (map(map(map(spec.get("bootstrap")).get("initdb")).get("secret")).get("name") == null) {
                violation(DATABASE, name + ": the owner's password must come from a Secret "
                        + "(spec.bootstrap.initdb.secret.name)");
            }
            for (Object role : list(map(spec.get("managed")).get("roles"))) {
                if (map(map(role).get("passwordSecret")).get("name") == null) {
                    violation(DATABASE, name + ": managed role " + map(role).get("name") + " needs a passwordSecret");
                }
            }
            if (map(spec.get("storage")).get("size") == null) {
                violation(DATABASE, name + ": spec.storage.size is required");
            }
            Map<String, Object> requirements = map(spec.get("resources"));
            if (!map(requirements.get("requests")).containsKey("memory")
                    || !map(requirements.get("limits")).containsKey("memory")) {
                violation(DATABASE, name + ": spec.resources needs memory requests and limits");
            }
            pinnedImage(name, String.valueOf(spec.get("imageName")));
        }
    }

    /** MinIO runs as one distributed, erasure-coded set of at least four nodes: {@code http://minio-{0...3}...}. */
    private void objectStore() {
        List<StatefulSet> minio = resources.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast)
                .filter(set -> set.getSpec().getTemplate().getSpec().getContainers().stream()
                        .anyMatch(container -> String.valueOf(container.getImage()).contains("minio/minio"))).toList();
        if (minio.isEmpty()) {
            violation(OBJECT_STORE, "no MinIO StatefulSet");
        }
        Pattern ellipsis = Pattern.compile("\\{0\\.\\.\\.(\\d+)}");
        for (StatefulSet set : minio) {
            Container container = set.getSpec().getTemplate().getSpec().getContainers().get(0);
            int nodes = Optional.ofNullable(container.getArgs()).orElse(List.of()).stream()
                    .map(ellipsis::matcher).filter(java.util.regex.Matcher::find)
                    .mapToInt(matcher -> Integer.parseInt(matcher.group(1)) + 1).findFirst().orElse(0);
            Integer replicas = set.getSpec().getReplicas();
            if (nodes < 4 || replicas == null || nodes != replicas) {
                violation(OBJECT_STORE, name(set) + ": distributed mode over all " + replicas + " replicas (at least "
                        + "4) is required, the server's arguments name " + nodes);
            }
            boolean erasureCoded = Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                    .anyMatch(env -> env.getName().equals("MINIO_STORAGE_CLASS_STANDARD")
                            && String.valueOf(env.getValue()).matches("EC:[1-9]\\d*"));
            if (!erasureCoded) {
                violation(OBJECT_STORE, name(set) + ": MINIO_STORAGE_CLASS_STANDARD must set the erasure-code parity");
            }
        }
    }

    /** Wherever clamd runs, freshclam runs in the same pod (signatures current) and fetches them before clamd. */
    private void scanner() {
        List<Workload> scanners = workloads().filter(workload -> workload.template().getSpec().getContainers().stream()
                .anyMatch(container -> command(container).contains("clamd"))).toList();
        if (scanners.isEmpty()) {
            violation(SCANNER, "no workload runs clamd");
        }
        for (Workload scanner : scanners) {
            PodSpec pod = scanner.template().getSpec();
            boolean updates = pod.getContainers().stream().anyMatch(container -> command(container).contains("freshclam")
                    && command(container).contains("--daemon"));
            boolean first = Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream()
                    .anyMatch(container -> command(container).contains("freshclam"));
            if (!updates || !first) {
                violation(SCANNER, name(scanner.resource()) + ": freshclam must fetch the signatures before clamd "
                        + "starts (init container) and keep them current (freshclam --daemon beside clamd)");
            }
        }
    }

    // ---- helpers

    private static String command(Container container) {
        return String.join(" ", Stream.concat(Optional.ofNullable(container.getCommand()).orElse(List.of()).stream(),
                Optional.ofNullable(container.getArgs()).orElse(List.of()).stream()).toList());
    }

    private static List<PodSpec> podSpecs(HasMetadata resource) {
        PodTemplateSpec template = null;
        if (resource instanceof Deployment deployment && deployment.getSpec() != null) {
            template = deployment.getSpec().getTemplate();
        }
        if (resource instanceof StatefulSet statefulSet && statefulSet.getSpec() != null) {
            template = statefulSet.getSpec().getTemplate();
        }
        return template == null || template.getSpec() == null ? List.of() : List.of(template.getSpec());
    }

    private static List<Container> allContainers(PodSpec pod) {
        return Stream.concat(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream(),
                Optional.ofNullable(pod.getContainers()).orElse(List.of()).stream()).toList();
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static Object asTree(HasMetadata resource) {
        return ManifestFiles.SERIALIZATION.convertValue(resource, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static String property(String getter) {
        String bare = getter.startsWith("is") ? getter.substring(2) : getter.substring(3);
        return bare.isEmpty() ? bare : bare.substring(0, 1).toLowerCase(Locale.ROOT) + bare.substring(1);
    }

    private static String name(HasMetadata resource) {
        return resource.getKind() + "/" + (resource.getMetadata() == null ? "?" : resource.getMetadata().getName());
    }

    private void violation(String rule, String what) {
        violations.add(rule + ": " + what);
    }
}
