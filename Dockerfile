# Build with the project's own Maven Wrapper, then run on a JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -q package -DskipTests -Dspring-javaformat.skip=true \
  && java -Djarmode=tools -jar target/sciatica-check-*.jar extract --destination /app \
  && mv /app/sciatica-check-*.jar /app/app.jar

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
  && useradd --system --uid 10001 --home /app app
WORKDIR /app
COPY --from=build /app/ /app/
# A class-data-sharing archive of the classes a start-up loads: starts in about half the
# time (docs/performance.md). Static CDS from a class list without lambda entries: the
# dynamic archive of some JDK 17 builds crashes on Spring's lambda proxies.
RUN java -XX:DumpLoadedClassList=classes.lst -Dspring.context.exit=onRefresh -jar app.jar \
    --spring.datasource.url=jdbc:h2:mem:training \
  && grep -v '^@lambda' classes.lst > classes-static.lst \
  && java -Xshare:dump -XX:SharedClassListFile=classes-static.lst -XX:SharedArchiveFile=app.jsa -jar app.jar \
  && rm classes.lst classes-static.lst \
  && install -d -o app /app/data
USER app
EXPOSE 8080
# Only health and info are exposed by the actuator.
HEALTHCHECK --interval=30s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/actuator/health > /dev/null || exit 1
# Sized for a 512 MiB container: heap at most 75% of it, the serial collector (least
# memory on 2 cores), and the CDS archive above.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseSerialGC", "-XX:SharedArchiveFile=app.jsa", "-jar", "app.jar"]
