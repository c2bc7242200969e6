#!/usr/bin/env bash
# Install every dependency FVP needs, from Debian 12's own archive.
# Idempotent: packages already installed are skipped; `apt-get update` runs at most once.
set -euo pipefail

PKGS=(
  build-essential make pkg-config git
  llvm-19-dev clang-19 lld-19
  libelf-dev liburing-dev libnuma-dev libcmocka-dev libjemalloc-dev
  gcc-riscv64-linux-gnu libc6-dev-riscv64-cross binutils-riscv64-linux-gnu
  qemu-user gcc-12-source
  gawk xz-utils file   # test scripts: awk, extracting the gcc torture tarball; demo
)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PKGS[@]} dependencies present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1
  fi
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "setup: done"
