# undoc without a Rust toolchain: build with cargo, run on slim Debian with
# the binary only (fonts and schemas are compiled into it). Both stages
# are Debian 13, so the binary finds the glibc it was linked against.
#
#   docker build -t undoc .
#   docker run --rm -u "$(id -u):$(id -g)" -v "$PWD:/work" undoc convert drafts -o out
#
# The binary is built with profile-guided optimisation (deploy/pgo.sh: a
# counting build, a training run on the repository's documents, and the
# build laid out by the counts), so the build takes about ten minutes on
# two cores. The run stage is Debian slim and the binary.

FROM rust:1.95-slim-trixie AS build
WORKDIR /src
COPY . .
RUN deploy/pgo.sh /usr/local/bin/undoc

FROM debian:trixie-slim
COPY --from=build /usr/local/bin/undoc /usr/local/bin/undoc
# Not root; `docker run -u "$(id -u):$(id -g)"` writes outputs as you.
USER 10001:10001
WORKDIR /work
ENTRYPOINT ["undoc"]
CMD ["--help"]
