#!/usr/bin/env bash
# Bytes a phone downloads for a runner's whole check: the landing page, the safety step,
# the questionnaire (the answer to the safety step) and the result page, each with the
# stylesheet and scripts it links. Two visits with one browser: the first with an empty
# cache, the second with what the first left in the cache. Response bytes only (headers
# and body as they travel, compressed where the server compresses); the requests are
# sent as a phone's browser sends them, with Accept-Encoding.
#
#   scripts/page-bytes.sh                                the jar in target/ (built if missing)
#   PAGE_BYTES_JAR=path/to/other.jar scripts/page-bytes.sh   another build, e.g. an older one
#
# The app runs on 127.0.0.1 only, with an in-memory database; the whole run takes about
# 15 s and every request gives up after 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${PAGE_BYTES_PORT:-18090}"
BASE="http://127.0.0.1:$PORT"
WORK="target/page-bytes"
CURL=(curl -s --compressed --max-time 10 -b "$WORK/cookies" -c "$WORK/cookies")

if [ -z "${PAGE_BYTES_JAR:-}" ]; then
  ls target/sciatica-check-*.jar > /dev/null 2>&1 || ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package
  PAGE_BYTES_JAR="$(ls target/sciatica-check-*.jar | head -1)"
fi
rm -rf "$WORK" && mkdir -p "$WORK"
if curl -s --max-time 2 -o /dev/null "$BASE/"; then
  echo "something already answers on port $PORT; set PAGE_BYTES_PORT" >&2
  exit 1
fi

java -jar "$PAGE_BYTES_JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --spring.datasource.url=jdbc:h2:mem:bytes > "$WORK/app.log" 2>&1 &
APP_PID=$!
trap 'kill "$APP_PID" 2> /dev/null; wait "$APP_PID" 2> /dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf --max-time 2 -o /dev/null "$BASE/actuator/health" && break
  kill -0 "$APP_PID" 2> /dev/null || { echo "the app did not start, see $WORK/app.log" >&2; exit 1; }
  sleep 0.5
done
curl -sf --max-time 2 -o /dev/null "$BASE/actuator/health" || { echo "the app did not answer in 60 s" >&2; exit 1; }

# The browser's cache: one line per stored static file, "path cache-control".
touch "$WORK/cache"

# fetch VISIT LABEL PATH [FORM]: one request (a POST when FORM is given); prints a row,
# adds its bytes to the visit's total and leaves the decoded body in $WORK/body
fetch() {
  local visit="$1" label="$2" path="$3" form="${4:-}" method=GET
  local args=(-o "$WORK/body" -D "$WORK/headers" -w '%{http_code} %{size_header} %{size_download}\n')
  if [ -n "$form" ]; then
    method=POST
    args+=(--data "$form")
  fi
  read -r status header_bytes body_bytes < <("${CURL[@]}" "${args[@]}" "$BASE$path")
  local encoding caching
  encoding="$(awk -F': ' 'tolower($1) == "content-encoding" {print $2}' "$WORK/headers" | tr -d '\r')"
  caching="$(awk -F': ' 'tolower($1) == "cache-control" {print $2}' "$WORK/headers" | tr -d '\r')"
  printf '%-7s %-36s %4s %-9s %7s %7s  %s\n' "$visit" "$method $label" "$status" "${encoding:-none}" \
    "$header_bytes" "$body_bytes" "$caching"
  echo "$header_bytes $body_bytes" >> "$WORK/$visit.bytes"
  if [ "$status" -ge 400 ]; then
    echo "$method $path answered $status" >&2
    exit 1
  fi
  LAST_CACHING="$caching"
}

# A browser may use a stored copy without asking while it is fresh: max-age above zero,
# and neither no-store nor no-cache. Anything else is downloaded again.
fresh_in_cache() {
  local caching
  caching="$(awk -v path="$1" '$1 == path {$1 = ""; stored = $0} END {print stored}' "$WORK/cache")"
  [ -n "$caching" ] && [[ "$caching" =~ max-age=[1-9] ]] && [[ ! "$caching" =~ no-store|no-cache ]]
}

# page VISIT LABEL PATH [FORM]: a page, then the stylesheets and scripts it links
page() {
  local visit="$1"
  fetch "$@"
  cp "$WORK/body" "$WORK/page"
  local asset
  for asset in $(grep -oE '<link rel="stylesheet" href="[^"]*"|<script src="[^"]*"' "$WORK/page" \
      | sed -E 's/.*(href|src)="([^"]*)"/\2/'); do
    if fresh_in_cache "$asset"; then
      printf '%-7s %-36s %s\n' "$visit" "  $asset" "(from the cache, no request)"
    else
      fetch "$visit" "  $asset" "$asset"
      echo "$asset $LAST_CACHING" >> "$WORK/cache"
    fi
  done
}

csrf_token() {
  grep -o 'name="_csrf" value="[^"]*"' "$WORK/page" | head -1 | sed 's/.*value="//; s/"$//'
}

# The form values of scripts/load-test.sh: a runner with no warning signs and a full set of answers.
SAFETY="saddleNumbness=false&bladderChange=false&bowelChange=false&sexualDysfunction=false&bothLegsWeakOrNumb=false&seriousAccident=false"
ANSWERS="saddleNumbness=false&bladderChange=false&bowelChange=false&sexualDysfunction=false&bothLegsWeakOrNumb=false&seriousAccident=false&unit=KM&ageYears=38&heightCm=178&weightKg=74&smoker=false&weeklyDistance=34&baselineWeeklyDistance=30&longestRun=15&baselineLongestRun=12&intensityChange=NONE&unevenSurfaces=SOME&footwear=GOOD&strengthSessionsPerWeek=0&sideToSideDifference=SLIGHT&formConcerns=UNSURE&conditions=PREVIOUS_BACK_PAIN&pain=ONE_LEG&painWeeks=6&painSeverity=4&legPainAverage=3&backPainAverage=1&symptoms=WORSE_WHEN_RUNNING"

visit() {
  local visit="$1" token
  page "$visit" / /
  page "$visit" /assessment /assessment
  token="$(csrf_token)"
  page "$visit" "/assessment/safety (questions)" /assessment/safety "$SAFETY&_csrf=$token"
  page "$visit" "/assessment/result (result)" /assessment/result "$ANSWERS&_csrf=$token"
  grep -q 'out of 100' "$WORK/page" || { echo "the last page is not the result page" >&2; exit 1; }
}

printf '%-7s %-36s %4s %-9s %7s %7s  %s\n' visit request code encoding headers body cache-control
visit first
visit second

total() {
  awk -v name="$1" '{ headers += $1; body += $2; n++ }
    END { printf "%-13s %2d requests, %7d bytes (%d headers, %d bodies)\n", name, n, headers + body, headers, body }' \
    "$WORK/$1.bytes"
}
echo
total first
total second
