package dev.kakehashi.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** helm/kakehashi, linted strictly and rendered by the Helm embedded in helm-java; assertions on what Kubernetes would get. */
class HelmChartTest {

    private static final Path CHART = Path.of(System.getProperty("kakehashi.basedir", "."), "helm/kakehashi");

    /** Every rendered manifest, parsed. */
    private static List<Map<String, Object>> render(UnaryOperator<TemplateCommand> values) {
        String yaml = values.apply(new Helm(CHART).template().withName("kakehashi").withNamespace("bids")).call();
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> manifest = (Map<String, Object>) document;
                manifests.add(manifest);
            }
        }
        return manifests;
    }

    private static List<Map<String, Object>> kind(List<Map<String, Object>> manifests, String kind) {
        return manifests.stream().filter(m -> kind.equals(m.get("kind"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String path) {
        Object current = node;
        for (String step : path.split("\\.")) {
            if (current instanceof List<?> list) {
                current = list.get(Integer.parseInt(step));
            } else {
                current = ((Map<String, Object>) Objects.requireNonNull(current, path)).get(step);
            }
        }
        return (T) current;
    }

    private static Map<String, Object> container(List<Map<String, Object>> manifests) {
        return at(kind(manifests, "Deployment").get(0), "spec.template.spec.containers.0");
    }

    @Test
    void passesHelmLintStrict() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void rendersEveryPieceOfAProductionInstallation() {
        List<Map<String, Object>> manifests = render(t -> t);

        assertThat(manifests).extracting(m -> (String) m.get("kind")).contains("Deployment", "Service", "Ingress", "ConfigMap",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "ServiceAccount", "NetworkPolicy");
        assertThat(kind(manifests, "StatefulSet")).as("no in-chart database unless asked").isEmpty();
        assertThat(kind(manifests, "Secret")).as("the chart never makes secrets").isEmpty();
    }

    @Test
    void probesAskMicroProfileHealthOnTheManagementPort() {
        Map<String, Object> container = container(render(t -> t));

        assertThat((String) at(container, "startupProbe.httpGet.path")).isEqualTo("/health/started");
        assertThat((String) at(container, "livenessProbe.httpGet.path")).isEqualTo("/health/live");
        assertThat((String) at(container, "readinessProbe.httpGet.path")).isEqualTo("/health/ready");
        assertThat((Object) at(container, "readinessProbe.httpGet.port")).isEqualTo("management");
        assertThat((List<Map<String, Object>>) at(container, "ports")).anySatisfy(p -> {
            assertThat(p.get("name")).isEqualTo("management");
            assertThat(p.get("containerPort")).isEqualTo(9990);
        });
    }

    @Test
    void requestsAndLimitsAreSet() {
        Map<String, Object> container = container(render(t -> t.set("resources.limits.memory", "3Gi")));

        assertThat((String) at(container, "resources.limits.memory")).isEqualTo("3Gi");
        assertThat((Object) at(container, "resources.limits.cpu")).isNotNull();
        assertThat((Object) at(container, "resources.requests.cpu")).isNotNull();
        assertThat((Object) at(container, "resources.requests.memory")).isNotNull();
    }

    @Test
    void runsAsNonRootOnAReadOnlyRootFilesystemWithOnlyTmpWritable() {
        List<Map<String, Object>> manifests = render(t -> t);
        Map<String, Object> pod = at(kind(manifests, "Deployment").get(0), "spec.template.spec");
        Map<String, Object> container = container(manifests);

        assertThat((Boolean) at(pod, "securityContext.runAsNonRoot")).isTrue();
        assertThat((Integer) at(pod, "securityContext.runAsUser")).isNotZero();
        assertThat((Boolean) at(pod, "automountServiceAccountToken")).isFalse();
        assertThat((Boolean) at(container, "securityContext.readOnlyRootFilesystem")).isTrue();
        assertThat((Boolean) at(container, "securityContext.allowPrivilegeEscalation")).isFalse();
        assertThat((List<String>) at(container, "securityContext.capabilities.drop")).containsExactly("ALL");
        assertThat((List<Map<String, Object>>) at(container, "volumeMounts")).extracting(m -> m.get("mountPath")).containsExactly("/tmp");
    }

    @Test
    void replicasComeFromValuesOrTheAutoscaler() {
        List<Map<String, Object>> fixed = render(t -> t.set("autoscaling.enabled", false).set("replicaCount", 3));
        assertThat((Integer) at(kind(fixed, "Deployment").get(0), "spec.replicas")).isEqualTo(3);
        assertThat(kind(fixed, "HorizontalPodAutoscaler")).isEmpty();

        List<Map<String, Object>> scaled = render(t -> t.set("autoscaling.minReplicas", 2).set("autoscaling.maxReplicas", 8));
        assertThat((Object) at(kind(scaled, "Deployment").get(0), "spec.replicas")).as("left to the autoscaler").isNull();
        assertThat((Integer) at(kind(scaled, "HorizontalPodAutoscaler").get(0), "spec.maxReplicas")).isEqualTo(8);
        assertThat((Integer) at(kind(scaled, "PodDisruptionBudget").get(0), "spec.minAvailable")).isEqualTo(1);
    }

    @Test
    void secretsAreReferencedNeverInlined() {
        List<Map<String, Object>> manifests = render(t -> t.set("secrets.name", "kakehashi-prod"));
        List<Map<String, Object>> env = at(container(manifests), "env");

        for (String secret : List.of("KAKEHASHI_DB_PASSWORD", "KAKEHASHI_OIDC_CLIENT_SECRET", "KAKEHASHI_KEYCLOAK_ADMIN_SECRET", "KAKEHASHI_PRICES_KEYS",
                "KAKEHASHI_BLOB_S3_ACCESS_KEY", "KAKEHASHI_BLOB_S3_SECRET_KEY")) {
            assertThat(env).filteredOn(e -> secret.equals(e.get("name"))).singleElement().satisfies(e -> {
                assertThat(e).doesNotContainKey("value");
                assertThat((String) at(e, "valueFrom.secretKeyRef.name")).isEqualTo("kakehashi-prod");
            });
        }
        Map<String, String> config = at(kind(manifests, "ConfigMap").get(0), "data");
        assertThat(config.keySet()).noneMatch(k -> k.contains("PASSWORD") || k.contains("SECRET") || k.endsWith("_KEY"));
        assertThat(config).containsEntry("KAKEHASHI_BLOB_STORE", "s3").containsEntry("KAKEHASHI_PROXY_ADDRESS_FORWARDING", "true");
    }

    @Test
    void theIngressServesTlsOnly() {
        Map<String, Object> ingress = kind(render(t -> t.set("ingress.host", "bids.example.jp")), "Ingress").get(0);

        assertThat((List<String>) at(ingress, "spec.tls.0.hosts")).containsExactly("bids.example.jp");
        assertThat((String) at(ingress, "spec.tls.0.secretName")).isEqualTo("kakehashi-tls");
    }

    @Test
    void onlyReplicasOfTheReleaseReachTheClusterPort() {
        Map<String, Object> policy = kind(render(t -> t), "NetworkPolicy").get(0);
        List<Map<String, Object>> ingress = at(policy, "spec.ingress");

        assertThat(ingress).filteredOn(rule -> at(rule, "ports.0.port").equals(7600)).singleElement()
                .satisfies(rule -> assertThat((Map<String, String>) at(rule, "from.0.podSelector.matchLabels"))
                        .containsEntry("app.kubernetes.io/instance", "kakehashi"));
    }

    @Test
    void moreThanOneReplicaWithoutS3IsRefused() {
        assertThatThrownBy(() -> render(t -> t.set("blobStore.type", "directory").set("blobStore.directory.existingClaim", "docs")))
                .hasMessageContaining("needs blobStore.type=s3");

        List<Map<String, Object>> single = render(t -> t.set("blobStore.type", "directory").set("blobStore.directory.existingClaim", "docs")
                .set("autoscaling.enabled", false).set("replicaCount", 1));
        assertThat((String) at(kind(single, "ConfigMap").get(0), "data.KAKEHASHI_BLOB_STORE")).isEqualTo("directory");
    }

    @Test
    void aTrialMayBringItsOwnMariaDb() {
        List<Map<String, Object>> manifests = render(t -> t.set("mariadb.enabled", true));

        assertThat(kind(manifests, "StatefulSet")).singleElement()
                .satisfies(s -> assertThat((String) at(s, "spec.template.spec.containers.0.image")).isEqualTo("mariadb:11.4"));
        assertThat((String) at(kind(manifests, "ConfigMap").get(0), "data.KAKEHASHI_DB_URL"))
                .isEqualTo("jdbc:mariadb://kakehashi-mariadb:3306/kakehashi");
    }
}
