package com.storecrm.helm;

import static com.storecrm.helm.HelmChartTests.NAMESPACE;
import static com.storecrm.helm.HelmChartTests.SECRET_VALUES;
import static com.storecrm.helm.HelmChartTests.cast;
import static com.storecrm.helm.HelmChartTests.first;
import static com.storecrm.helm.HelmChartTests.list;
import static com.storecrm.helm.HelmChartTests.map;
import static com.storecrm.helm.HelmChartTests.name;
import static com.storecrm.helm.HelmChartTests.ofKind;
import static com.storecrm.helm.HelmChartTests.render;
import static com.storecrm.helm.HelmChartTests.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The CDC job (ingestion/) as a FlinkDeployment for the Flink Kubernetes Operator. */
class FlinkDeploymentTests {

	static final String STORE = "s3://storecrm-test/flink";

	static final Path INGESTION = Paths.get("../ingestion").toAbsolutePath().normalize();

	@Test
	void rendersTheCdcJobByDefault() {
		Map<String, Object> flink = flinkDeployment(Map.of());

		assertThat(flink).containsEntry("apiVersion", "flink.apache.org/v1beta1");
		assertThat(name(flink)).isEqualTo("prod-storecrm-cdc");
		assertThat(map(flink, "spec")).containsEntry("flinkVersion", "v1_20")
			.containsEntry("image", "ghcr.io/storecrm/storecrm-cdc:0.1.0");
		assertThat(map(flink, "spec", "job")).containsEntry("jarURI", "local:///opt/flink/usrlib/storecrm-cdc.jar")
			.containsEntry("entryClass", "com.storecrm.ingestion.CdcJob")
			.containsEntry("parallelism", 1)
			.containsEntry("upgradeMode", "last-state")
			.containsEntry("state", "running");
		assertThat(env(flink)).containsEntry("CDC_PARALLELISM", "1");
	}

	@Test
	void jobJarAndEntryClassMatchTheIngestionBuild() throws IOException {
		Map<String, Object> job = map(flinkDeployment(Map.of()), "spec", "job");
		String jarInImage = ((String) job.get("jarURI")).replaceFirst("^local://", "");
		String entryClass = (String) job.get("entryClass");

		assertThat(INGESTION.resolve("src/main/java/" + entryClass.replace('.', '/') + ".java")).isRegularFile();
		assertThat(Files.readString(INGESTION.resolve("Dockerfile")))
			.containsPattern("(?m)^FROM flink:1\\.20\\.\\d+-java17$")
			.containsPattern("(?m)^COPY .*target/storecrm-cdc\\.jar " + jarInImage.replace(".", "\\.") + "$");
		assertThat(Files.readString(INGESTION.resolve("pom.xml")))
			.contains("<outputFile>${project.build.directory}/storecrm-cdc.jar</outputFile>");
	}

	@Test
	void parallelismAndUpgradeModeComeFromValues() {
		Map<String, Object> flink = flinkDeployment(
				Map.of("ingestion.job.parallelism", 2, "ingestion.job.upgradeMode", "savepoint"));

		assertThat(map(flink, "spec", "job")).containsEntry("parallelism", 2).containsEntry("upgradeMode", "savepoint");
		assertThat(env(flink)).containsEntry("CDC_PARALLELISM", "2");
		assertThat(map(flinkDeployment(Map.of("ingestion.job.upgradeMode", "stateless")), "spec", "job"))
			.containsEntry("upgradeMode", "stateless");
		assertThatThrownBy(() -> render(Map.of("ingestion.job.upgradeMode", "latest")))
			.hasMessageContaining("ingestion.job.upgradeMode must be last-state, savepoint or stateless");
	}

	@Nested
	class State {

		@Test
		void checkpointsSavepointsAndHaMetadataLiveBelowTheStateStore() {
			Map<String, Object> flink = flinkDeployment(Map.of());

			assertThat(flinkConfiguration(flink)).containsEntry("state.checkpoints.dir", STORE + "/checkpoints")
				.containsEntry("state.savepoints.dir", STORE + "/savepoints")
				.containsEntry("high-availability.type", "kubernetes")
				.containsEntry("high-availability.storageDir", STORE + "/ha")
				.containsEntry("execution.checkpointing.interval", "10s")
				.containsEntry("state.checkpoints.num-retained", "4")
				.containsEntry("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION")
				.containsEntry("restart-strategy.type", "exponential-delay");
		}

		@Test
		void theJobIsToldTheSameCheckpointDirAndIntervalAsFlink() {
			Map<String, Object> flink = flinkDeployment(Map.of("ingestion.stateStore", "gs://other-bucket/cdc/",
					"ingestion.checkpoints.interval", "30s", "ingestion.checkpoints.retained", 6));

			assertThat(flinkConfiguration(flink)).containsEntry("state.checkpoints.dir", "gs://other-bucket/cdc/checkpoints")
				.containsEntry("state.savepoints.dir", "gs://other-bucket/cdc/savepoints")
				.containsEntry("high-availability.storageDir", "gs://other-bucket/cdc/ha")
				.containsEntry("execution.checkpointing.interval", "30s")
				.containsEntry("state.checkpoints.num-retained", "6");
			assertThat(env(flink)).containsEntry("CDC_CHECKPOINT_DIR", "gs://other-bucket/cdc/checkpoints")
				.containsEntry("CDC_CHECKPOINT_INTERVAL", "30s");
		}

		@Test
		void renderingWithoutAStateStoreIsRefused() {
			assertThatThrownBy(() -> render(Map.of("ingestion.stateStore", "")))
				.hasMessageContaining("ingestion.stateStore is required while ingestion is enabled");
			assertThatThrownBy(() -> render(Map.of("ingestion.stateStore", "/tmp/flink")))
				.hasMessageContaining("ingestion.stateStore must be a file system URI");
		}

		@Test
		void checkpointSettingsTheJobCannotUseAreRefused() {
			assertThatThrownBy(() -> render(Map.of("ingestion.checkpoints.retained", 3)))
				.hasMessageContaining("ingestion.checkpoints.retained must be at least 4");
			assertThatThrownBy(() -> render(Map.of("ingestion.checkpoints.interval", "1 min")))
				.hasMessageContaining("ingestion.checkpoints.interval must look like");
		}

		@Test
		void s3PluginIsEnabledOnlyForAnS3Store() {
			assertThat(env(flinkDeployment(Map.of()))).containsEntry("ENABLE_BUILT_IN_PLUGINS",
					"flink-s3-fs-presto-1.20.3.jar");
			assertThat(env(flinkDeployment(Map.of("ingestion.stateStore", "gs://bucket/cdc"))))
				.doesNotContainKey("ENABLE_BUILT_IN_PLUGINS");
			assertThat(env(flinkDeployment(Map.of("ingestion.s3Plugin", "")))).doesNotContainKey("ENABLE_BUILT_IN_PLUGINS");
		}

	}

	@Test
	void freeFormFlinkConfigurationIsMergedOverTheChartsSettingsAsStrings() {
		Map<String, Object> flink = flinkDeployment(Map.of("ingestion.flinkConfiguration.taskmanager\\.numberOfTaskSlots", 2,
				"ingestion.flinkConfiguration.state\\.checkpoints\\.dir", "s3://elsewhere/chk",
				"ingestion.flinkConfiguration.pipeline\\.max-parallelism", 128));

		assertThat(flinkConfiguration(flink)).containsEntry("taskmanager.numberOfTaskSlots", "2")
			.containsEntry("pipeline.max-parallelism", "128")
			.containsEntry("state.checkpoints.dir", "s3://elsewhere/chk")
			.containsEntry("state.savepoints.dir", STORE + "/savepoints")
			.containsEntry("metrics.reporter.prom.port", "9249");
		assertThat(flinkConfiguration(flink).values()).allSatisfy(v -> assertThat(v).isInstanceOf(String.class));
		assertThat(env(flink)).containsEntry("CDC_CHECKPOINT_DIR", "s3://elsewhere/chk");
		assertThatThrownBy(() -> render(Map.of("ingestion.flinkConfiguration.state.backend.type", "rocksdb")))
			.hasMessageContaining("ingestion.flinkConfiguration takes flat Flink keys");
	}

	@Nested
	class Credentials {

		@Test
		void databaseAndClickHouseAddressesComeFromTheConfigMap() {
			List<Map<String, Object>> docs = render(Map.of());
			Map<String, Object> configMap = single(docs, "ConfigMap");
			Map<String, Object> flinkEnv = envEntries(single(docs, "FlinkDeployment"));

			assertThat(flinkEnv).containsKeys("PLATFORM_DB_URL", "PLATFORM_DB_CDC_USER", "CLICKHOUSE_URL", "CLICKHOUSE_USER");
			for (String key : List.of("PLATFORM_DB_URL", "PLATFORM_DB_CDC_USER", "CLICKHOUSE_URL", "CLICKHOUSE_USER")) {
				assertThat(map(cast(flinkEnv.get(key)), "valueFrom", "configMapKeyRef"))
					.containsEntry("name", name(configMap))
					.containsEntry("key", key);
			}
			assertThat(map(configMap, "data")).containsEntry("PLATFORM_DB_CDC_USER", "storecrm_cdc")
				.containsEntry("PLATFORM_DB_URL", "jdbc:postgresql://pg.test.svc:5433/crmtest")
				.containsEntry("CLICKHOUSE_URL", "http://clickhouse.test.svc:8123");
		}

		@Test
		void passwordsComeFromTheSecretAndNeverAppearInTheManifest() {
			List<Map<String, Object>> docs = render(Map.of());
			Map<String, Object> flink = single(docs, "FlinkDeployment");
			Map<String, Object> secret = single(docs, "Secret");
			Map<String, Object> flinkEnv = envEntries(flink);

			assertThat(flinkEnv).containsKeys("PLATFORM_DB_CDC_PASSWORD", "CLICKHOUSE_PASSWORD");
			for (String key : List.of("PLATFORM_DB_CDC_PASSWORD", "CLICKHOUSE_PASSWORD")) {
				assertThat(map(cast(flinkEnv.get(key)), "valueFrom", "secretKeyRef")).containsEntry("name", name(secret))
					.containsEntry("key", key);
				assertThat(map(secret, "data")).containsKey(key);
			}
			assertThat(flinkEnv).doesNotContainKeys("PLATFORM_DB_APP_PASSWORD", "PLATFORM_DB_OWNER_PASSWORD",
					"PLATFORM_OPERATOR_SECRET");
			assertThat(new Yaml().dump(flink)).doesNotContain(SECRET_VALUES);
		}

		@Test
		void existingSecretIsUsedWhenSet() {
			List<Map<String, Object>> docs = render(Map.of("existingSecret", "storecrm-credentials"));

			assertThat(ofKind(docs, "Secret")).isEmpty();
			assertThat(envEntries(single(docs, "FlinkDeployment")).values()).map(HelmChartTests::<Map<String, Object>>cast)
				.filteredOn(var -> var.containsKey("valueFrom") && map(var, "valueFrom").containsKey("secretKeyRef"))
				.hasSize(2)
				.allSatisfy(var -> assertThat(map(var, "valueFrom", "secretKeyRef"))
					.containsEntry("name", "storecrm-credentials"));
		}

	}

	@Test
	void podsRunAsTheFlinkUserAndExposePrometheusMetrics() {
		Map<String, Object> flink = flinkDeployment(Map.of());
		Map<String, Object> pod = map(flink, "spec", "podTemplate");
		Map<String, Object> container = first(list(pod, "spec", "containers"));

		assertThat(map(pod, "spec", "securityContext")).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", 9999);
		assertThat(container).containsEntry("name", "flink-main-container");
		assertThat(map(container, "securityContext")).containsEntry("allowPrivilegeEscalation", false);
		assertThat(first(list(container, "ports"))).containsEntry("containerPort", 9249);
		assertThat(flinkConfiguration(flink))
			.containsEntry("metrics.reporter.prom.factory.class",
					"org.apache.flink.metrics.prometheus.PrometheusReporterFactory")
			.containsEntry("metrics.reporter.prom.port", "9249");
		assertThat(map(pod, "metadata", "annotations")).containsEntry("prometheus.io/scrape", "true")
			.containsEntry("prometheus.io/port", "9249")
			.containsEntry("prometheus.io/path", "/metrics")
			.containsKeys("checksum/config", "checksum/secret");
	}

	@Test
	void jobManagerGetsAServiceAccountThatMayManageItsTaskManagers() {
		List<Map<String, Object>> docs = render(Map.of());
		String account = (String) map(single(docs, "FlinkDeployment"), "spec").get("serviceAccount");

		assertThat(name(single(docs, "ServiceAccount"))).isEqualTo(account);
		assertThat(list(single(docs, "Role"), "rules")).map(HelmChartTests::<Map<String, Object>>cast)
			.anySatisfy(rule -> assertThat(HelmChartTests.<List<Object>>cast(rule.get("resources")))
				.contains("pods", "configmaps"));
		Map<String, Object> binding = single(docs, "RoleBinding");
		assertThat(map(binding, "roleRef")).containsEntry("kind", "Role").containsEntry("name", name(single(docs, "Role")));
		assertThat(first(list(binding, "subjects"))).containsEntry("name", account).containsEntry("namespace", NAMESPACE);

		List<Map<String, Object>> withOperatorsAccount = render(Map.of("ingestion.serviceAccount.create", false));
		assertThat(map(single(withOperatorsAccount, "FlinkDeployment"), "spec")).containsEntry("serviceAccount", "flink");
		assertThat(ofKind(withOperatorsAccount, "ServiceAccount")).isEmpty();
		assertThat(ofKind(withOperatorsAccount, "Role")).isEmpty();
	}

	@Test
	void nameStaysWithinFlinksClusterIdLimit() {
		// 45 characters end right after the release name, so the cut leaves a dangling dash to trim.
		String release = "shop-eu-west-production-release-blue-green-a";

		assertThat(name(single(render(release, Map.of()), "FlinkDeployment"))).isEqualTo(release);
	}

	@Test
	void disablingIngestionRendersNoFlinkObjectsAndNeedsNoStateStore() {
		List<Map<String, Object>> docs = render(Map.of("ingestion.enabled", false, "ingestion.stateStore", ""));

		assertThat(ofKind(docs, "FlinkDeployment")).isEmpty();
		assertThat(ofKind(docs, "ServiceAccount")).isEmpty();
		assertThat(ofKind(docs, "Role")).isEmpty();
		assertThat(ofKind(docs, "RoleBinding")).isEmpty();
		assertThat(map(single(docs, "Secret"), "data")).doesNotContainKey("PLATFORM_DB_CDC_PASSWORD");
		assertThat(map(single(docs, "ConfigMap"), "data")).doesNotContainKey("PLATFORM_DB_CDC_USER");
		assertThat(ofKind(docs, "Deployment")).hasSize(3);
	}

	// --- navigating the FlinkDeployment

	static Map<String, Object> flinkDeployment(Map<String, Object> sets) {
		return single(render(sets), "FlinkDeployment");
	}

	static Map<String, Object> flinkConfiguration(Map<String, Object> flink) {
		return map(flink, "spec", "flinkConfiguration");
	}

	static Map<String, Object> container(Map<String, Object> flink) {
		return first(list(flink, "spec", "podTemplate", "spec", "containers"));
	}

	/** Literal env values of the Flink container. */
	static Map<String, String> env(Map<String, Object> flink) {
		return HelmChartTests.env(container(flink));
	}

	/** Every env entry of the Flink container by name. */
	static Map<String, Object> envEntries(Map<String, Object> flink) {
		Map<String, Object> entries = new LinkedHashMap<>();
		for (Object item : list(container(flink), "env")) {
			Map<String, Object> var = cast(item);
			entries.put((String) var.get("name"), var);
		}
		return entries;
	}

}
