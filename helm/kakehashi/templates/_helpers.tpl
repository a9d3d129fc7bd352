{{- define "kakehashi.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "kakehashi.fullname" -}}
{{- if contains (include "kakehashi.name" .) .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "kakehashi.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "kakehashi.selectorLabels" -}}
app.kubernetes.io/name: {{ include "kakehashi.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "kakehashi.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "kakehashi.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "kakehashi.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "kakehashi.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The database URL: the in-chart MariaDB for trials, else the external one. */}}
{{- define "kakehashi.databaseUrl" -}}
{{- if .Values.mariadb.enabled -}}
{{- printf "jdbc:mariadb://%s-mariadb:3306/kakehashi" (include "kakehashi.fullname" .) -}}
{{- else -}}
{{- required "database.url is required" .Values.database.url -}}
{{- end -}}
{{- end -}}

{{/* More than one replica shares documents only through S3; refuse a chart that would lose them. */}}
{{- define "kakehashi.checkBlobStore" -}}
{{- $many := or .Values.autoscaling.enabled (gt (int .Values.replicaCount) 1) -}}
{{- if and $many (ne .Values.blobStore.type "s3") -}}
{{- fail "More than one replica (replicaCount > 1 or autoscaling) needs blobStore.type=s3: a directory is not shared between pods" -}}
{{- end -}}
{{- if and (eq .Values.blobStore.type "directory") (not .Values.blobStore.directory.existingClaim) -}}
{{- fail "blobStore.type=directory needs blobStore.directory.existingClaim, a PersistentVolumeClaim for the documents" -}}
{{- end -}}
{{- end -}}
