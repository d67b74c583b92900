#!/usr/bin/env bash
# Installs certc's build and test dependencies from Debian's packages, only when missing.
# chromium is for the browser test of the HTML report only (tests/browser/);
# fonts-dejavu-core gives its screenshots real glyphs.
set -euo pipefail
pkgs=(cmake ninja-build g++ antlr4 libantlr4-runtime-dev llvm-14-dev llvm-14-tools
      libfmt-dev libgtest-dev glpk-utils libz3-dev libbenchmark-dev libsimdjson-dev python3 clang-14 libclang-rt-14-dev pkgconf
      chromium fonts-dejavu-core)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
