# Multi-stage build: a Rust builder, then a small Debian runtime running as
# a non-root user. The build needs no system library: SQLite is bundled,
# libpq is built in (pq-sys "bundled") with an OpenSSL built from source
# (openssl-sys "vendored", which needs only the image's perl and make), and
# mail goes over rustls.
FROM rust:1-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock rustfmt.toml clippy.toml build.rs ./
COPY src src
COPY migrations migrations
COPY templates templates
COPY locales locales
COPY static static
COPY data data
RUN cargo build --release --locked --bin miroir

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --create-home miroir
COPY --from=build /src/target/release/miroir /usr/local/bin/miroir
USER miroir
WORKDIR /data
ENV MIROIR_BIND=0.0.0.0 MIROIR_PORT=8080 DATABASE_URL=/data/miroir.db
# The OpenSSL inside libpq looks for trusted roots under /usr/local/ssl;
# point it (and rustls, which reads the same variables) at Debian's store,
# so that `sslrootcert=system` verifies a managed PostgreSQL.
ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt SSL_CERT_DIR=/etc/ssl/certs
EXPOSE 8080
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["/usr/local/bin/miroir"]
CMD ["serve"]
