#!/usr/bin/env bash
# The system packages Conclave's rehearsal and tests use, installed only when missing.
#   softhsm2            the practice HSM (a real HSM is any PKCS#11 module)
#   chromium            renders printable PDFs; runs the renderer tests through Playwright
#   poppler-utils       pdftotext / pdftoppm: tests read the PDFs as a person would
#   openssl             the independent judge of every certificate, CRL and CMS seal
#   gnutls-bin          certtool: a second, independent certificate-chain verifier
#   opensc              pkcs11-tool: the baseline for benchmarks, a second PKCS#11 client
#   libengine-pkcs11-openssl  openssl signing with HSM keys, for the benchmark baseline
#   ssss                a Shamir command-line tool, the benchmark baseline for splitting
#   fonts-dejavu-core   a font for printed pages
set -euo pipefail

packages=(softhsm2 chromium poppler-utils openssl gnutls-bin opensc libengine-pkcs11-openssl ssss fonts-dejavu-core)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "System packages: all present."
  exit 0
fi
echo "Installing system packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
