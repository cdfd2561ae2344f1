#!/usr/bin/env bash
# Load test of the packaged jar on 127.0.0.1 only, bounded to about a minute of load:
# start-up time, resident memory, then requests per second, p50 and p99 latency and errors
# for a static file (the baseline), the JSON API, the questionnaire page and the result page,
# each as a ratio to the baseline. With LOAD_POSTGRES_URL set, also the share-link submission
# path on PostgreSQL (one stored submission per request).
#
#   scripts/load-test.sh            needs wrk (apt-get install -y wrk) and a JDK 17
#
# The JVM runs with the Dockerfile's settings inside an emulated 512 MiB container.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v wrk > /dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
PORT="${LOAD_PORT:-18080}"
BASE="http://127.0.0.1:$PORT"
CONNECTIONS="${LOAD_CONNECTIONS:-32}"
SECONDS_EACH="${LOAD_SECONDS:-10}"
WARMUP_SECONDS="${LOAD_WARMUP_SECONDS:-5}"
WORK="target/load"
# The Dockerfile's JVM settings, with the container's 512 MiB limit emulated by MaxRAM.
JVM_OPTS="-XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:TieredStopAtLevel=4"

# LOAD_JAR measures another build (such as an earlier commit's) with the same settings
if [ -z "${LOAD_JAR:-}" ]; then
  ls target/sciatica-check-*.jar > /dev/null 2>&1 || ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package
fi
JAR="${LOAD_JAR:-$(ls target/sciatica-check-*.jar | head -1)}"
rm -rf "$WORK" && mkdir -p "$WORK"
APP_PID=""
stop_app() { [ -n "$APP_PID" ] && kill "$APP_PID" 2> /dev/null && wait "$APP_PID" 2> /dev/null || true; APP_PID=""; }
trap stop_app EXIT

millis() { date +%s%3N; }
rss_mib() { echo $(( $(ps -o rss= -p "$APP_PID") / 1024 )); }

# start_app LOG ARGS...: starts the app and waits for its first successful response;
# sets APP_PID and STARTUP_MS
start_app() {
  local log="$1"; shift
  local started; started=$(millis)
  java $JVM_OPTS "$@" --server.port="$PORT" > "$log" 2>&1 &
  APP_PID=$!
  until curl -sf -o /dev/null "$BASE/actuator/health"; do
    kill -0 "$APP_PID" 2> /dev/null || { echo "the app did not start, see $log" >&2; exit 1; }
    sleep 0.05
  done
  STARTUP_MS=$(( $(millis) - started ))
}

echo "== start-up (launch to first successful response)"
start_app "$WORK/plain.log" -jar "$JAR" --spring.datasource.url=jdbc:h2:mem:load
PLAIN_MS=$STARTUP_MS
stop_app
# A class-data-sharing archive, as the Dockerfile builds it (see there for why static CDS).
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" > /dev/null
APP_JAR="$(ls "$WORK"/app/*.jar | head -1)"
java -XX:DumpLoadedClassList="$WORK/app/classes.lst" -Dspring.context.exit=onRefresh -jar "$APP_JAR" \
  --spring.datasource.url=jdbc:h2:mem:train > "$WORK/train.log" 2>&1
grep -v '^@lambda' "$WORK/app/classes.lst" > "$WORK/app/classes-static.lst"
java -Xshare:dump -XX:SharedClassListFile="$WORK/app/classes-static.lst" \
  -XX:SharedArchiveFile="$WORK/app/app.jsa" -jar "$APP_JAR" > "$WORK/dump.log" 2>&1
start_app "$WORK/cds.log" -XX:SharedArchiveFile="$WORK/app/app.jsa" -jar "$APP_JAR" \
  --spring.datasource.url=jdbc:h2:mem:load
CDS_MS=$STARTUP_MS
RSS_START=$(rss_mib)
echo "plain java -jar: ${PLAIN_MS} ms; with the CDS archive: ${CDS_MS} ms; ratio $(awk "BEGIN{printf \"%.2f\", $CDS_MS/$PLAIN_MS}")"
echo "resident memory after start: ${RSS_START} MiB"

# A CSRF token and its cookie, as a browser gets them with the first page.
PAGE="$(curl -s -c "$WORK/cookies" "$BASE/assessment")"
TOKEN="$(printf '%s' "$PAGE" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
COOKIE="XSRF-TOKEN=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$WORK/cookies")"
SAFETY="saddleNumbness=false&bladderChange=false&bowelChange=false&sexualDysfunction=false&bothLegsWeakOrNumb=false&seriousAccident=false&_csrf=$TOKEN"
ANSWERS="saddleNumbness=false&bladderChange=false&bowelChange=false&sexualDysfunction=false&bothLegsWeakOrNumb=false&seriousAccident=false&unit=KM&ageYears=38&heightCm=178&weightKg=74&smoker=false&weeklyDistance=34&baselineWeeklyDistance=30&longestRun=15&baselineLongestRun=12&intensityChange=NONE&unevenSurfaces=SOME&footwear=GOOD&strengthSessionsPerWeek=0&sideToSideDifference=SLIGHT&formConcerns=UNSURE&conditions=PREVIOUS_BACK_PAIN&pain=ONE_LEG&painWeeks=6&painSeverity=4&legPainAverage=3&backPainAverage=1&symptoms=WORSE_WHEN_RUNNING&_csrf=$TOKEN"
API='{"safetyCheck":{"saddleNumbness":false,"bladderChange":false,"bowelChange":false,"sexualDysfunction":false,"bothLegsWeakOrNumb":false,"seriousAccident":false},"ageYears":38,"heightCm":178,"weightKg":74,"smoker":false,"weeklyDistanceKm":34,"baselineWeeklyDistanceKm":30,"longestRunKm":15,"baselineLongestRunKm":12,"intensityChange":"NONE","unevenSurfaces":"SOME","footwear":"GOOD","strengthSessionsPerWeek":0,"sideToSideDifference":"SLIGHT","formConcerns":"UNSURE","conditions":["PREVIOUS_BACK_PAIN"],"pain":"ONE_LEG","painWeeks":6,"painSeverity":4,"symptoms":["WORSE_WHEN_RUNNING"],"warningSigns":[]}'
FORM="application/x-www-form-urlencoded"
curl -sf -o /dev/null -b "$WORK/cookies" -d "$ANSWERS" "$BASE/assessment/result" || { echo "the result page did not answer 200" >&2; exit 1; }

# run NAME SECONDS PATH [BODY CONTENT_TYPE]: one wrk run, its summary in $WORK/NAME.txt
run() {
  local name="$1" seconds="$2" path="$3" body="${4:-}" type="${5:-}"
  BODY="$body" CONTENT_TYPE="$type" COOKIE="$COOKIE" wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" --latency \
    -s scripts/wrk.lua "$BASE$path" > "$WORK/$name.txt"
}

echo "== warm-up: ${WARMUP_SECONDS} s on each endpoint"
run warmup-static "$WARMUP_SECONDS" /css/app.css
run warmup-api "$WARMUP_SECONDS" /api/v2/assessments "$API" application/json
run warmup-questionnaire "$WARMUP_SECONDS" /assessment/safety "$SAFETY" "$FORM"
run warmup-result "$WARMUP_SECONDS" /assessment/result "$ANSWERS" "$FORM"

echo "== measured: ${SECONDS_EACH} s each, $CONNECTIONS connections, 2 wrk threads on the same 2 cores"
run static "$SECONDS_EACH" /css/app.css
run api "$SECONDS_EACH" /api/v2/assessments "$API" application/json
run questionnaire "$SECONDS_EACH" /assessment/safety "$SAFETY" "$FORM"
run result "$SECONDS_EACH" /assessment/result "$ANSWERS" "$FORM"
RSS_LOAD=$(rss_mib)

# report NAME LABEL: requests/s, p50, p99, errors, 5xx, ratio to the static baseline and to
# the JSON API (the yardstick for pages: the static file's own figure swings with the JVM)
BASELINE=$(awk '/^Requests\/sec/ {print $2}' "$WORK/static.txt")
API_RPS=$(awk '/^Requests\/sec/ {print $2}' "$WORK/api.txt")
printf '%-34s %10s %9s %9s %8s %6s %8s %8s\n' endpoint "req/s" p50 p99 errors 5xx "vs base" "vs API"
report() {
  local file="$WORK/$1.txt" rps p50 p99 errors fivexx
  rps=$(awk '/^Requests\/sec/ {print $2}' "$file")
  p50=$(awk '$1 == "50%" {print $2}' "$file")
  p99=$(awk '$1 == "99%" {print $2}' "$file")
  errors=$(awk '/Non-2xx or 3xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$file")
  fivexx=$(awk '/^server_errors/ {print $2}' "$file")
  printf '%-34s %10s %9s %9s %8s %6s %8s %8s\n' "$2" "$rps" "$p50" "$p99" "$errors" "$fivexx" \
    "$(awk "BEGIN{printf \"%.0f%%\", 100*$rps/$BASELINE}")" "$(awk "BEGIN{printf \"%.0f%%\", 100*$rps/$API_RPS}")"
}
report static "GET /css/app.css (baseline)"
report api "POST /api/v2/assessments"
report questionnaire "POST /assessment/safety (questions)"
report result "POST /assessment/result (result)"
echo "resident memory: ${RSS_START} MiB after start, ${RSS_LOAD} MiB after the load"
stop_app

if [ -n "${LOAD_POSTGRES_URL:-}" ]; then
  echo "== share-link submissions on PostgreSQL (one stored submission per request)"
  start_app "$WORK/postgres.log" -XX:SharedArchiveFile="$WORK/app/app.jsa" -jar "$APP_JAR" \
    --spring.profiles.active=postgres --spring.datasource.url="$LOAD_POSTGRES_URL" \
    --spring.datasource.username="${LOAD_POSTGRES_USER:-postgres}" \
    --spring.datasource.password="${LOAD_POSTGRES_PASSWORD:-}" --sciatica.share.links-per-hour=1000
  DASHBOARD="$(curl -s -D - -o /dev/null -b "$WORK/cookies" -c "$WORK/cookies" \
    --data-urlencode "clinicName=Load Test Clinic" -d "days=30&_csrf=$TOKEN" "$BASE/clinic/new" \
    | awk -F': ' 'tolower($1) == "location" {print $2}' | tr -d '\r' | sed 's/?created//')"
  CLIENT="$(curl -s "$DASHBOARD" | grep -o 'id="client-url"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//; s#^https\?://[^/]*##')"
  run warmup-submit "$WARMUP_SECONDS" "$CLIENT/consent" "$ANSWERS&share=true&reference=load" "$FORM"
  run submit "$SECONDS_EACH" "$CLIENT/consent" "$ANSWERS&share=true&reference=load" "$FORM"
  report submit "POST $CLIENT/consent" | sed "s#$CLIENT#/c/{secret}#"
  echo "resident memory after the submissions: $(rss_mib) MiB"
  stop_app
fi
