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
