#!/usr/bin/env bash
# Installs the Debian 12 packages phiscrub needs to build and test.
# As root: installs whatever is missing with apt-get. Otherwise: prints the
# exact apt-get line and exits 1, so nothing half-works on a fresh machine.
#
#   scripts/deps.sh           build and test dependencies (incl. syslog-ng and
#                             the libraries of an unpacked rsyslog, fetched by
#                             scripts/fetch_rsyslog.sh, for tests/shippers;
#                             help2man for the man pages; dpkg-dev, systemd
#                             (systemd-analyze), man-db, yamllint and
#                             python3-yaml for the package and deployment tests;
#                             the openssl CLI, which makes the certificates of
#                             the TLS tests)
#   scripts/deps.sh --bench   also the tools `make bench` compares against
#                             (ripgrep, syslog-ng, perl), gnuplot for plots and
#                             wrk for the phiscrubd load benchmark
#   scripts/deps.sh --fuzz    also clang, its runtimes (libFuzzer, ASan, UBSan:
#                             libclang-rt-14-dev) and llvm-symbolizer (llvm),
#                             for `make fuzz`
set -euo pipefail

PKGS=(
  build-essential cmake pkg-config python3 python3-jsonschema time
  libhyperscan-dev libre2-dev libsimdjson-dev libyaml-cpp-dev libssl-dev
  libboost-dev libgtest-dev libgmock-dev libbenchmark-dev librdkafka-dev
  syslog-ng-core libestr0 libfastjson4 liblognorm5 help2man yamllint dpkg-dev
  systemd man-db python3-yaml openssl
)
if [ "${1:-}" = "--bench" ]; then
  PKGS+=(perl ripgrep gnuplot-nox wrk)
elif [ "${1:-}" = "--fuzz" ]; then
  PKGS+=(clang libclang-rt-14-dev llvm)
fi

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

fetch_rsyslog() {
  bash "$(dirname "$0")/fetch_rsyslog.sh" >/dev/null
}

if [ ${#missing[@]} -eq 0 ]; then
  fetch_rsyslog
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "phiscrub: missing Debian packages. Run as root:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "phiscrub: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fetch_rsyslog
