#!/usr/bin/env bash
# A year of daily runs uploaded to the packaged jar on 127.0.0.1, as a runner's browser or
# another tool would send it: 365 FIT files (written from the FIT protocol by the benchmark's
# YearOfRuns, no library) in one zip, POSTed to /api/v2/training-summary a bounded number of
# times, one at a time and then two at once (the gate's room), with the time of each answer
# and the app's resident memory after them. The JVM runs with the Dockerfile's settings in an
# emulated 512 MiB container.
#
#   scripts/training-upload.sh          needs curl and a JDK 17
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${UPLOAD_PORT:-18081}"
ROUNDS="${UPLOAD_ROUNDS:-10}"
WORK="target/training-upload"
JVM_OPTS="-XX:MaxRAM=512m -XX:MaxRAMPercentage=75 -XX:+UseSerialGC"

ls target/sciatica-check-*.jar > /dev/null 2>&1 || ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true package
JAR="$(ls target/sciatica-check-*.jar | head -1)"
rm -rf "$WORK" && mkdir -p "$WORK"

# the year's zip, from the benchmark sources
./mvnw -B -q -P bench test-compile > /dev/null
./mvnw -B -q -P bench dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test > /dev/null
java -cp "target/test-classes:target/classes:$(cat "$WORK/cp.txt")" com.sciaticacheck.training.YearOfRuns "$WORK/year.zip"

java $JVM_OPTS -jar "$JAR" --server.port="$PORT" --spring.datasource.url="jdbc:h2:mem:upload" \
  --sciatica.mail.folder="$WORK/mail" > "$WORK/app.log" 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2> /dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null 2>&1 && break
  sleep 0.5
done

upload() {
  curl -s -o "$WORK/answer.json" -w '%{http_code} %{time_total}\n' \
    -F "files=@$WORK/year.zip" -F timeZone=Europe/London "http://127.0.0.1:$PORT/api/v2/training-summary"
}
echo "one at a time (status, seconds):"
for _ in $(seq 1 "$ROUNDS"); do upload; done
echo "two at once (status, seconds):"
for _ in $(seq 1 3); do
  upload & first=$!
  upload & second=$!
  wait "$first" "$second"
done
echo "answer: $(head -c 200 "$WORK/answer.json")..."
echo "resident memory after: $(( $(ps -o rss= -p "$APP_PID") / 1024 )) MiB"
