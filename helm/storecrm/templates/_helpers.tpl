{{- define "storecrm.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "storecrm.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "storecrm.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels shared by every object of the release. */}}
{{- define "storecrm.labels" -}}
helm.sh/chart: {{ include "storecrm.chart" . }}
app.kubernetes.io/name: {{ include "storecrm.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* The helpers below take (dict "root" $ "app" $app). */}}
{{- define "storecrm.app.fullname" -}}
{{- printf "%s-%s" (include "storecrm.fullname" .root) .app.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "storecrm.app.selectorLabels" -}}
app.kubernetes.io/name: {{ include "storecrm.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .app.name }}
{{- end -}}

{{- define "storecrm.app.labels" -}}
{{ include "storecrm.labels" .root }}
app.kubernetes.io/component: {{ .app.name }}
{{- end -}}

{{- define "storecrm.app.image" -}}
{{- $tag := .app.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .app.image.name $tag -}}
{{- end -}}

{{- define "storecrm.configMapName" -}}
{{- printf "%s-config" (include "storecrm.fullname" .) -}}
{{- end -}}

{{- define "storecrm.secretName" -}}
{{- .Values.existingSecret | default (printf "%s-secret" (include "storecrm.fullname" .)) -}}
{{- end -}}

{{/* Issuer: explicit value, else https://<tenant-admin ingress host> (TLS may end before the ingress), else its in-cluster Service URL. */}}
{{- define "storecrm.issuer" -}}
{{- $ta := .Values.apps.tenantAdmin -}}
{{- if .Values.auth.issuer -}}
{{- .Values.auth.issuer | trimSuffix "/" -}}
{{- else if not $ta.enabled -}}
{{- fail "auth.issuer is required when apps.tenantAdmin is disabled (point it at the external identity provider)" -}}
{{- else if and $ta.ingress.enabled $ta.ingress.host -}}
{{- printf "https://%s" $ta.ingress.host -}}
{{- else -}}
{{- printf "http://%s.%s.svc.%s:%v" (include "storecrm.app.fullname" (dict "root" . "app" $ta)) .Release.Namespace .Values.clusterDomain $ta.port -}}
{{- end -}}
{{- end -}}

{{- define "storecrm.jwkSetUri" -}}
{{- .Values.auth.jwkSetUri | default (printf "%s/oauth2/jwks" (include "storecrm.issuer" .)) -}}
{{- end -}}

{{- define "storecrm.dbUrl" -}}
{{- $pg := .Values.postgresql -}}
{{- $host := required "postgresql.host is required: the chart needs an external PostgreSQL (set postgresql.host)" $pg.host -}}
{{- $url := printf "jdbc:postgresql://%s:%v/%s" $host $pg.port $pg.database -}}
{{- if $pg.parameters -}}{{ printf "%s?%s" $url $pg.parameters }}{{- else -}}{{ $url }}{{- end -}}
{{- end -}}

{{/* Env entries that read Secret keys: (dict "root" $ "keys" $list). Passwords never appear in a manifest. */}}
{{- define "storecrm.secretEnv" -}}
{{- range .keys }}
- name: {{ . }}
  valueFrom:
    secretKeyRef:
      name: {{ include "storecrm.secretName" $.root }}
      key: {{ . }}
{{- end }}
{{- end -}}

{{/* Env entries with literal values, from a map of name -> value. */}}
{{- define "storecrm.valueEnv" -}}
{{- range $name, $value := . }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/*
Pod annotations: Prometheus scraping, and checksums that roll the pods when the shared configuration
or the chart's own Secret changes. Takes (dict "root" $ "port" $port "path" $path).
*/}}
{{- define "storecrm.podAnnotations" -}}
prometheus.io/scrape: "true"
prometheus.io/path: {{ .path }}
prometheus.io/port: {{ .port | quote }}
checksum/config: {{ include (print .root.Template.BasePath "/configmap.yaml") .root | sha256sum }}
{{- if not .root.Values.existingSecret }}
checksum/secret: {{ include (print .root.Template.BasePath "/secret.yaml") .root | sha256sum }}
{{- end }}
{{- end -}}

{{/* The CDC job (ingestion). Flink derives its cluster id from the name and caps it at 45 characters. */}}
{{- define "storecrm.ingestion.fullname" -}}
{{- printf "%s-%s" (include "storecrm.fullname" .) .Values.ingestion.name | trunc 45 | trimSuffix "-" -}}
{{- end -}}

{{- define "storecrm.ingestion.image" -}}
{{- $in := .Values.ingestion -}}
{{- $repository := $in.image.repository | default (printf "%s/storecrm-cdc" .Values.image.registry) -}}
{{- printf "%s:%s" $repository ($in.image.tag | default .Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}

{{- define "storecrm.ingestion.serviceAccountName" -}}
{{- $sa := .Values.ingestion.serviceAccount -}}
{{- if $sa.create -}}
{{- $sa.name | default (include "storecrm.ingestion.fullname" .) -}}
{{- else -}}
{{- $sa.name | default "flink" -}}
{{- end -}}
{{- end -}}

{{/*
Flink configuration of the CDC job as a JSON object of strings (the CRD takes only strings): storage
below ingestion.stateStore, Kubernetes HA, checkpointing, then ingestion.flinkConfiguration on top.
The template reads the merged result back, so the job's own settings (CDC_CHECKPOINT_* env) always
agree with what the operator and the JobManager see.
*/}}
{{- define "storecrm.ingestion.flinkConfiguration" -}}
{{- $in := .Values.ingestion -}}
{{- $store := $in.stateStore | trimSuffix "/" -}}
{{- if not $store -}}
{{- fail "ingestion.stateStore is required while ingestion is enabled: durable storage every Flink pod can reach, e.g. s3://my-bucket/storecrm/flink (checkpoints, savepoints and HA metadata go below it). Set ingestion.enabled=false to install without the CDC job." -}}
{{- else if not (regexMatch "^[a-z][a-z0-9+.-]*://" $store) -}}
{{- fail (printf "ingestion.stateStore must be a file system URI such as s3://my-bucket/storecrm/flink, not %q: a pod-local path is lost with the pod" $store) -}}
{{- end -}}
{{- /* state.* are the keys the operator's docs and validation use; Flink 1.20 reads them as aliases of execution.checkpointing.*. */ -}}
{{- $conf := dict
  "state.checkpoints.dir" (printf "%s/checkpoints" $store)
  "state.savepoints.dir" (printf "%s/savepoints" $store)
  "high-availability.type" "kubernetes"
  "high-availability.storageDir" (printf "%s/ha" $store)
  "execution.checkpointing.interval" ($in.checkpoints.interval | toString)
  "state.checkpoints.num-retained" ($in.checkpoints.retained | toString)
  "execution.checkpointing.externalized-checkpoint-retention" "RETAIN_ON_CANCELLATION"
-}}
{{- range $key, $value := $in.flinkConfiguration -}}
{{- if kindIs "map" $value -}}
{{- fail (printf "ingestion.flinkConfiguration takes flat Flink keys; %q is a map (with --set, escape the dots: ingestion.flinkConfiguration.state\\.backend\\.type=rocksdb)" $key) -}}
{{- else if not (kindIs "invalid" $value) -}}
{{- $_ := set $conf $key ($value | toString) -}}
{{- end -}}
{{- end -}}
{{- toJson $conf -}}
{{- end -}}
