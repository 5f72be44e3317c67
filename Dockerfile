# One image recipe for every service: docker build --build-arg SERVICE=ledger-worker .
# Stage 1 builds with the project's own Maven wrapper; stage 2 runs only the service's jar.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
ARG SERVICE
# curl for the compose health checks
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 rewards
WORKDIR /app
COPY --from=build /src/${SERVICE}/target/${SERVICE}-*-exec.jar /app/service.jar
USER rewards
# Boot's graceful shutdown finishes in-flight requests and batches on SIGTERM
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
