package com.storecrm.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class HelmChartTests {

	static final Path CHART = Paths.get("storecrm").toAbsolutePath();

	static final Path TEST_VALUES = Paths.get("src/test/resources/test-values.yaml").toAbsolutePath();

	static final String RELEASE = "prod";

	static final String NAMESPACE = "shop";

	static final Map<String, Integer> PORTS = Map.of("tenant-admin", 9000, "crm", 8080, "analytics", 8081);

	static final List<String> SECRET_VALUES = List.of("app-pw-7f3a", "owner-pw-91c2", "ch-pw-55d0",
			"operator-secret-0b8e", "cdc-pw-3e1b");

	@Test
	void lintPassesStrictWithTestValues(@TempDir Path tmp) throws IOException {
		LintResult result = new Helm(chartWithTestValues(tmp)).lint().strict().call();

		assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
		assertThat(result.isFailed()).isFalse();
	}

	@Test
	void lintPassesStrictWithTheShippedDefaults() {
		// Lint mode reports a missing `required` value as INFO, so the chart as shipped lints clean too.
		LintResult result = new Helm(CHART).lint().strict().call();

		assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
		assertThat(result.isFailed()).isFalse();
	}

	@Test
	void rendersOneDeploymentPerAppWithPortsProbesAndSharedEnv() {
		List<Map<String, Object>> docs = render(Map.of());
		String configMap = name(single(docs, "ConfigMap"));
		String secret = name(single(docs, "Secret"));

		List<Map<String, Object>> deployments = ofKind(docs, "Deployment");
		assertThat(deployments).extracting(HelmChartTests::name)
			.containsExactlyInAnyOrder("prod-storecrm-tenant-admin", "prod-storecrm-crm", "prod-storecrm-analytics");

		for (Map<String, Object> deployment : deployments) {
			Map<String, Object> pod = map(deployment, "spec", "template");
			Map<String, Object> container = first(list(pod, "spec", "containers"));
			int port = PORTS.get(container.get("name"));

			assertThat(container.get("image")).isEqualTo("ghcr.io/storecrm/" + container.get("name") + ":0.1.0");
			assertThat(first(list(container, "ports"))).containsEntry("containerPort", port);
			assertThat(env(container)).containsEntry("SERVER_PORT", String.valueOf(port));
			assertThat(map(container, "livenessProbe", "httpGet")).containsEntry("path", "/actuator/health/liveness");
			assertThat(map(container, "readinessProbe", "httpGet")).containsEntry("path", "/actuator/health/readiness");
			assertThat(map(container, "startupProbe", "httpGet")).containsKey("path");
			assertThat(map(container, "resources", "requests")).containsKeys("cpu", "memory");
			assertThat(map(pod, "spec", "securityContext")).containsEntry("runAsNonRoot", true);
			assertThat(map(pod, "metadata", "annotations")).containsEntry("prometheus.io/scrape", "true")
				.containsEntry("prometheus.io/path", "/actuator/prometheus")
				.containsEntry("prometheus.io/port", String.valueOf(port));

			assertThat(map(first(list(container, "envFrom")), "configMapRef")).containsEntry("name", configMap);
			assertThat(secretRefs(container)).isNotEmpty().allSatisfy(ref -> assertThat(ref).containsEntry("name", secret));
		}

		assertThat(ofKind(docs, "Service")).hasSize(3)
			.allSatisfy(svc -> assertThat(first(list(svc, "spec", "ports")))
				.containsEntry("port", PORTS.get(map(svc, "metadata", "labels").get("app.kubernetes.io/component"))));
		assertThat(ofKind(docs, "Ingress")).isEmpty();
	}

	@Test
	void eachAppGetsOnlyTheDatabaseRoleItNeeds() {
		List<Map<String, Object>> docs = render(Map.of());

		assertThat(secretKeys(deployment(docs, "tenant-admin"))).contains("PLATFORM_DB_OWNER_PASSWORD")
			.doesNotContain("PLATFORM_DB_APP_PASSWORD");
		assertThat(secretKeys(deployment(docs, "crm"))).contains("PLATFORM_DB_APP_PASSWORD")
			.doesNotContain("PLATFORM_DB_OWNER_PASSWORD");
		assertThat(secretKeys(deployment(docs, "analytics"))).contains("PLATFORM_DB_APP_PASSWORD", "CLICKHOUSE_PASSWORD")
			.doesNotContain("PLATFORM_DB_OWNER_PASSWORD");
	}

	@Test
	void configMapDerivesUrlsFromValues() {
		Map<String, Object> data = map(single(render(Map.of()), "ConfigMap"), "data");
		String issuer = "http://prod-storecrm-tenant-admin.shop.svc.cluster.local:9000";

		assertThat(data).containsEntry("PLATFORM_DB_URL", "jdbc:postgresql://pg.test.svc:5433/crmtest")
			.containsEntry("PLATFORM_ISSUER", issuer)
			.containsEntry("PLATFORM_JWK_SET_URI", issuer + "/oauth2/jwks")
			.containsEntry("CLICKHOUSE_URL", "http://clickhouse.test.svc:8123")
			.containsKeys("PLATFORM_DB_APP_USER", "PLATFORM_DB_OWNER_USER", "CLICKHOUSE_USER");
		assertThat((String) data.get("JAVA_TOOL_OPTIONS")).contains("-Duser.timezone=UTC", "-XX:MaxRAMPercentage=");
	}

	@Test
	void issuerFollowsTenantAdminIngressOrAnExplicitValue() {
		Map<String, Object> viaIngress = map(single(render(Map.of("apps.tenantAdmin.ingress.enabled", true,
				"apps.tenantAdmin.ingress.host", "login.example.com")),
				"ConfigMap"), "data");
		assertThat(viaIngress).containsEntry("PLATFORM_ISSUER", "https://login.example.com");

		Map<String, Object> external = map(single(render(Map.of("auth.issuer", "https://kc.example.com/realms/crm",
				"auth.jwkSetUri", "https://kc.example.com/realms/crm/protocol/openid-connect/certs")), "ConfigMap"),
				"data");
		assertThat(external).containsEntry("PLATFORM_ISSUER", "https://kc.example.com/realms/crm")
			.containsEntry("PLATFORM_JWK_SET_URI", "https://kc.example.com/realms/crm/protocol/openid-connect/certs");

		assertThatThrownBy(() -> render(Map.of("apps.tenantAdmin.enabled", false)))
			.hasMessageContaining("auth.issuer is required");
	}

	@Test
	void secretsLiveOnlyInTheSecret() {
		List<Map<String, Object>> docs = render(Map.of());
		Map<String, Object> configData = map(single(docs, "ConfigMap"), "data");
		Map<String, Object> secretData = map(single(docs, "Secret"), "data");

		List<String> decoded = secretData.values()
			.stream()
			.map(v -> new String(Base64.getDecoder().decode((String) v), StandardCharsets.UTF_8))
			.toList();
		assertThat(decoded).containsExactlyInAnyOrderElementsOf(SECRET_VALUES);
		assertThat(configData.keySet()).doesNotContainAnyElementsOf(secretData.keySet());
		assertThat(configData.values()).allSatisfy(v -> assertThat((String) v).doesNotContain(SECRET_VALUES));
	}

	@Test
	void renderingWithoutPostgresHostIsRefused() {
		assertThatThrownBy(() -> render(Map.of("postgresql.host", "")))
			.hasMessageContaining("postgresql.host is required");
	}

	@Test
	void clickhouseUrlIsRequiredOnlyWhileAnalyticsOrIngestionIsEnabled() {
		assertThatThrownBy(() -> render(Map.of("clickhouse.url", ""))).hasMessageContaining("clickhouse.url is required");
		assertThatThrownBy(() -> render(Map.of("clickhouse.url", "", "apps.analytics.enabled", false)))
			.hasMessageContaining("clickhouse.url is required");

		List<Map<String, Object>> docs = render(
				Map.of("clickhouse.url", "", "apps.analytics.enabled", false, "ingestion.enabled", false));
		assertThat(ofKind(docs, "Deployment")).extracting(HelmChartTests::name)
			.containsExactlyInAnyOrder("prod-storecrm-tenant-admin", "prod-storecrm-crm");
	}

	@Test
	void autoscalingRendersOneHpaPerAppAndLeavesReplicasToIt() {
		assertThat(ofKind(render(Map.of()), "HorizontalPodAutoscaler")).isEmpty();

		List<Map<String, Object>> docs = render(Map.of("apps.tenantAdmin.autoscaling.enabled", true,
				"apps.crm.autoscaling.enabled", true, "apps.analytics.autoscaling.enabled", true));
		List<Map<String, Object>> hpas = ofKind(docs, "HorizontalPodAutoscaler");
		assertThat(hpas).extracting(hpa -> map(hpa, "spec", "scaleTargetRef").get("name"))
			.containsExactlyInAnyOrderElementsOf(ofKind(docs, "Deployment").stream().map(HelmChartTests::name).toList());
		assertThat(ofKind(docs, "Deployment")).allSatisfy(d -> assertThat(map(d, "spec")).doesNotContainKey("replicas"));
	}

	@Test
	void existingSecretReplacesTheChartsSecret() {
		List<Map<String, Object>> docs = render(Map.of("existingSecret", "storecrm-credentials"));

		assertThat(ofKind(docs, "Secret")).isEmpty();
		for (Map<String, Object> deployment : ofKind(docs, "Deployment")) {
			assertThat(secretRefs(container(deployment)))
				.allSatisfy(ref -> assertThat(ref).containsEntry("name", "storecrm-credentials"));
		}
	}

	// --- rendering and parsing

	static List<Map<String, Object>> render(Map<String, Object> sets) {
		return render(RELEASE, sets);
	}

	static List<Map<String, Object>> render(String release, Map<String, Object> sets) {
		TemplateCommand template = new Helm(CHART).template()
			.withName(release)
			.withNamespace(NAMESPACE)
			.withValuesFile(TEST_VALUES);
		sets.forEach(template::set);
		List<Map<String, Object>> docs = new ArrayList<>();
		for (Object doc : new Yaml().loadAll(template.call())) {
			if (doc != null) {
				docs.add(cast(doc));
			}
		}
		return docs;
	}

	/**
	 * helm-java's lint takes no values files, so lint a copy whose values.yaml has the test values
	 * merged in.
	 */
	static Path chartWithTestValues(Path tmp) throws IOException {
		Path copy = tmp.resolve("storecrm");
		try (Stream<Path> files = Files.walk(CHART)) {
			for (Path source : files.toList()) {
				Path target = copy.resolve(CHART.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
				}
			}
		}
		Map<String, Object> values = load(CHART.resolve("values.yaml"));
		merge(values, load(TEST_VALUES));
		try (Writer writer = Files.newBufferedWriter(copy.resolve("values.yaml"))) {
			new Yaml().dump(values, writer);
		}
		return copy;
	}

	static void merge(Map<String, Object> target, Map<String, Object> overrides) {
		overrides.forEach((key, value) -> {
			if (value instanceof Map && target.get(key) instanceof Map) {
				merge(cast(target.get(key)), cast(value));
			}
			else {
				target.put(key, value);
			}
		});
	}

	static Map<String, Object> load(Path file) {
		try (Reader reader = Files.newBufferedReader(file)) {
			return new Yaml().load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// --- navigating the parsed documents

	static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
		return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
	}

	static Map<String, Object> single(List<Map<String, Object>> docs, String kind) {
		assertThat(ofKind(docs, kind)).hasSize(1);
		return ofKind(docs, kind).get(0);
	}

	static Map<String, Object> deployment(List<Map<String, Object>> docs, String app) {
		return ofKind(docs, "Deployment").stream()
			.filter(d -> name(d).equals(RELEASE + "-storecrm-" + app))
			.findFirst()
			.orElseThrow();
	}

	static Map<String, Object> container(Map<String, Object> deployment) {
		return first(list(deployment, "spec", "template", "spec", "containers"));
	}

	static String name(Map<String, Object> doc) {
		return (String) map(doc, "metadata").get("name");
	}

	static Map<String, String> env(Map<String, Object> container) {
		Map<String, String> env = new LinkedHashMap<>();
		for (Object item : list(container, "env")) {
			Map<String, Object> var = cast(item);
			if (var.containsKey("value")) {
				env.put((String) var.get("name"), (String) var.get("value"));
			}
		}
		return env;
	}

	static List<Map<String, Object>> secretRefs(Map<String, Object> container) {
		return list(container, "env").stream()
			.map(HelmChartTests::<Map<String, Object>>cast)
			.filter(var -> var.containsKey("valueFrom"))
			.map(var -> map(var, "valueFrom", "secretKeyRef"))
			.toList();
	}

	static List<Object> secretKeys(Map<String, Object> deployment) {
		return secretRefs(container(deployment)).stream().map(ref -> ref.get("key")).toList();
	}

	static Map<String, Object> map(Map<String, Object> node, String... path) {
		Object current = node;
		for (String key : path) {
			current = ((Map<?, ?>) current).get(key);
			assertThat(current).as("missing " + String.join(".", path)).isNotNull();
		}
		return cast(current);
	}

	static List<Object> list(Map<String, Object> node, String... path) {
		Map<String, Object> parent = path.length == 1 ? node
				: map(node, Arrays.copyOf(path, path.length - 1));
		Object value = parent.get(path[path.length - 1]);
		assertThat(value).as("missing " + String.join(".", path)).isInstanceOf(List.class);
		return cast(value);
	}

	static Map<String, Object> first(List<Object> items) {
		assertThat(items).isNotEmpty();
		return cast(items.get(0));
	}

	@SuppressWarnings("unchecked")
	static <T> T cast(Object value) {
		return (T) value;
	}

}
