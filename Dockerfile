# phiscrubd (and the phiscrub CLI) on Debian 12, as a non-root user.
#   docker build -t phiscrub .
#   docker run --rm -p 127.0.0.1:8080:8080 phiscrub
# The image listens on 0.0.0.0 inside its own network namespace and therefore
# needs an auth token (phiscrubd refuses a non-loopback listener without
# one): mount it and set PHISCRUB_AUTH_TOKEN_FILE, or run it as a pod sidecar
# on loopback (deploy/kubernetes/phiscrubd-sidecar.yaml).

FROM debian:12 AS build
WORKDIR /src
COPY scripts/deps.sh scripts/fetch_rsyslog.sh scripts/
RUN bash scripts/deps.sh && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DPHISCRUB_BUILD_TESTS=OFF -DPHISCRUB_BUILD_BENCH=OFF \
 && cmake --build build -j"$(nproc)" \
 && cd build && cpack -G DEB

FROM debian:12-slim
COPY --from=build /src/build/phiscrub_*_amd64.deb /tmp/
RUN apt-get update \
 && apt-get install -y --no-install-recommends /tmp/phiscrub_*_amd64.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/phiscrub_*.deb \
 && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin phiscrub
USER 10001:10001
EXPOSE 8080
ENV PHISCRUB_LISTEN=0.0.0.0:8080
# /readyz over bash's /dev/tcp: no HTTP client needed in the image.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /readyz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/phiscrubd"]
