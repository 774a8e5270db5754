#!/usr/bin/env bash
# Applies emg.cli to a server that is not running (jboss-cli's embed-server): configure-offline.sh WILDFLY_HOME
# [BASE_DIR] [LOG]. The build runs it on the server `wildfly:run` starts and on the integration tests' server;
# the script is idempotent, so a configured server may be configured again.
set -euo pipefail
home="$1"
base="${2:-$home/standalone}"
log="${3:-/dev/stdout}"
here="$(cd "$(dirname "$0")" && pwd)"
script="$(mktemp --suffix=.cli)"
trap 'rm -f "$script"' EXIT
{ echo "embed-server --std-out=discard --server-config=standalone-full.xml"; cat "$here/emg.cli"; echo "stop-embedded-server"; } > "$script"
JAVA_OPTS="-Djboss.server.base.dir=$base" "$home/bin/jboss-cli.sh" --file="$script" > "$log" 2>&1 \
    || { echo "emg.cli failed on $base; see $log" >&2; exit 1; }
