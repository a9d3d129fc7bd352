#!/usr/bin/env bash
# Upload and download one large document through the API of a running `./mvnw -Prun`, and report
# throughput and the WildFly heap in use while it happens (sampled with jstat every 200 ms).
#   src/test/scripts/benchmark-large-upload.sh [size in MiB, default 1024]
set -euo pipefail
size_mib=${1:-1024}
app=${KAKEHASHI_URL:-http://localhost:8080}
token_url=${KAKEHASHI_TOKEN_URL:-http://localhost:8180/realms/kakehashi/protocol/openid-connect/token}
consortium=7b1e0000-0000-4000-8000-0000000000c1   # the demo Quang Trach consortium
work=$(mktemp -d)
sampler=
trap '[ -n "$sampler" ] && kill "$sampler" 2>/dev/null; rm -rf "$work"' EXIT

pid=$(pgrep -f 'jboss-modules.jar.*target/run-server' | head -1)
[ -n "$pid" ] || { echo "WildFly of ./mvnw -Prun is not running" >&2; exit 1; }
echo "WildFly pid $pid, $(jcmd "$pid" VM.flags | grep -o 'MaxHeapSize=[0-9]*' | head -1 | awk -F= '{printf "max heap %d MiB", $2/1048576}')"

echo "Writing a ${size_mib} MiB file of random bytes ..."
head -c $((size_mib * 1048576)) /dev/urandom > "$work/drawing.bin"
expected=$(sha256sum "$work/drawing.bin" | cut -d' ' -f1)
token=$(curl -s -d grant_type=password -d client_id=kakehashi-cli -d username=contributor@sakura-shoji.example -d password="${KAKEHASHI_DEMO_PASSWORD:-demo}" "$token_url" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')

# Heap used (young + old, KiB) every 200 ms while the transfers run
( while true; do jstat -gc "$pid" | awk 'NR==2 {printf "%d\n", $3+$4+$6+$8}'; sleep 0.2; done ) > "$work/heap.log" &
sampler=$!

echo '{"title": {"en": "Large layout drawing", "ja": "大きな配置図"}, "discipline": "CIV", "type": "DWG"}' > "$work/metadata.json"
upload=$(curl -s -o "$work/registered.json" -w '%{http_code} %{time_total} %{speed_upload}' -H "Authorization: Bearer $token" \
  -F "metadata=@$work/metadata.json;type=application/json" -F "file=@$work/drawing.bin;type=application/octet-stream;filename=配置図.bin" \
  "$app/api/v1/consortia/$consortium/documents")
read -r status seconds speed <<< "$upload"
[ "$status" = 201 ] || { echo "Upload answered $status: $(cat "$work/registered.json")" >&2; exit 1; }
id=$(sed 's/.*"id":"\([^"]*\)".*/\1/' "$work/registered.json")
echo "Upload:   ${size_mib} MiB in ${seconds} s = $(awk -v s="$speed" 'BEGIN {printf "%.0f", s/1048576}') MiB/s (HTTP $status)"

download=$(curl -s -o "$work/back.bin" -w '%{http_code} %{time_total} %{speed_download}' -H "Authorization: Bearer $token" \
  "$app/api/v1/documents/$id/revisions/A/content")
read -r status seconds speed <<< "$download"
echo "Download: ${size_mib} MiB in ${seconds} s = $(awk -v s="$speed" 'BEGIN {printf "%.0f", s/1048576}') MiB/s (HTTP $status)"
kill $sampler; sampler=
actual=$(sha256sum "$work/back.bin" | cut -d' ' -f1)
if [ "$actual" = "$expected" ]; then
  echo "SHA-256 identical: $actual"
else
  echo "SHA-256 differs!" >&2
  exit 1
fi
sort -n "$work/heap.log" | awk 'NR==1 {min=$1} {max=$1} END {printf "Heap used during the transfers: %d to %d MiB (%d samples)\n", min/1024, max/1024, NR}'
