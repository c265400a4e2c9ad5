#!/usr/bin/env bash
# Unpacks Debian 12's rsyslog package (not installed: it conflicts with
# syslog-ng-core, which tests/shippers also runs) into a cache directory, for
# the log shipper integration tests. Needs no root: `apt-get download` +
# `dpkg -x`. Its shared libraries (libestr0, libfastjson4, liblognorm5) are
# installed by scripts/deps.sh.
#
#   scripts/fetch_rsyslog.sh [DIR]   (default: .cache/rsyslog in the repo)
# Prints the directory holding usr/sbin/rsyslogd.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$here/.cache/rsyslog}"
if [ -x "$dir/root/usr/sbin/rsyslogd" ]; then
  echo "$dir/root"
  exit 0
fi
mkdir -p "$dir"
tmp="$(mktemp -d "$dir/dl.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
download() { (cd "$tmp" && apt-get download -q rsyslog >/dev/null 2>&1); }
if ! download; then
  # Package lists may be missing (a fresh image): refresh them if we can.
  if [ "$(id -u)" -eq 0 ] && apt-get update -qq >/dev/null 2>&1 && download; then
    :
  else
    echo "fetch_rsyslog: 'apt-get download rsyslog' failed (run apt-get update as root)" >&2
    exit 1
  fi
fi
rm -rf "$dir/root.new"
dpkg -x "$tmp"/rsyslog_*.deb "$dir/root.new"
rm -rf "$dir/root"
mv "$dir/root.new" "$dir/root"
echo "$dir/root"
