#!/usr/bin/env bash
# Headless Chromium for tests/test_report.py, from Debian's package (root). Idempotent.
set -euo pipefail
command -v chromium > /dev/null && exit 0
apt-get update -q > /dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium > /dev/null
echo "[install_chromium] $(chromium --version)" >&2
