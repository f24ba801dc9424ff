#!/bin/sh
# Baseline for root_ceremony_vs_openssl_baseline: the HSM and X.509 work of
# the example root ceremony done with the standard tools a team could script
# by hand, on a fresh SoftHSM token — pkcs11-tool (OpenSC) for the keys, the
# random KEK and the AES key wrap (RFC 5649) of the backed-up keys, ssss for
# the 3-of-5 split, openssl with its PKCS#11 engine (libengine-pkcs11-openssl)
# for the root certificate, the audit certificate, a subordinate from a CSR,
# the CRL, two USB copies (flushed, read back and compared), a CMS signature
# over a transcript, and sha256sum; then, as
# `conclave rehearse` does after the ceremony, the recovery drill (a second
# token, the KEK rebuilt from 3 of the 5 shares, the wrapped key restored into
# it and proven by its check value) and the checks an auditor would run on
# the bundle (openssl verify, crl -verify, cms -verify, sha256sum -c).
# No transcript, no fsync of the bundle, no lints: the bare work.
# Usage: root-ceremony-baseline.sh WORKDIR CSR_FILE
set -eu
work=$1
csr=$2
module=${SOFTHSM_MODULE:-/usr/lib/softhsm/libsofthsm2.so}
engine=$(find /usr/lib -name pkcs11.so -path '*engines-3*' | head -n 1)
pin=bench-pin-1234
mkdir -p "$work/tokens" "$work/bundle/certs" "$work/bundle/crls" "$work/ca"
cd "$work"

printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$work" > softhsm2.conf
export SOFTHSM2_CONF="$work/softhsm2.conf"
softhsm2-util --init-token --free --label baseline --so-pin bench-so-1234 --pin "$pin" > /dev/null

cat > openssl.cnf <<CNF
openssl_conf = openssl_init
[openssl_init]
engines = engine_section
[engine_section]
pkcs11 = pkcs11_section
[pkcs11_section]
engine_id = pkcs11
dynamic_path = $engine
MODULE_PATH = $module
[ca]
default_ca = root_ca
[root_ca]
database = $work/ca/index.txt
crlnumber = $work/ca/crlnumber
default_md = sha384
default_crl_days = 365
[root_ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[sub_ext]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[audit_ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[crl_ext]
authorityKeyIdentifier = keyid
CNF
export OPENSSL_CONF="$work/openssl.cnf"
: > ca/index.txt
echo 01 > ca/crlnumber
p11() { pkcs11-tool --module "$module" --token-label baseline --login --pin "$pin" "$@" > /dev/null 2>&1; }
drill() { pkcs11-tool --module "$module" --token-label drill --login --pin "$pin" "$@" > /dev/null 2>&1; }
key="pkcs11:token=baseline;object=root;type=private?pin-value=$pin"
audit="pkcs11:token=baseline;object=audit;type=private?pin-value=$pin"

# Keys: a P-384 root, an AES-256 master and a P-384 audit key, backed up, so extractable.
p11 --keypairgen --key-type EC:secp384r1 --label root --id 01 --extractable
p11 --keygen --key-type AES:32 --label master --id 02 --extractable
head -c 16 /dev/zero > zero.bin
p11 --encrypt -m AES-ECB --id 02 -i zero.bin -o master.kcv
p11 --keypairgen --key-type EC:secp384r1 --label audit --id 03 --extractable

# The KEK: 32 bytes from the token's RNG, imported to wrap the backed-up keys
# (CKM_AES_KEY_WRAP_PAD, 0x210A), deleted, and split 3 of 5. OpenSC 0.23's
# --wrap finds only secret keys, so of the three only the master key is
# wrapped here (the baseline does less than the ceremony, not more).
pkcs11-tool --module "$module" --token-label baseline --generate-random 32 --output-file kek.bin > /dev/null 2>&1
p11 --write-object kek.bin --type secrkey --key-type AES:32 --label kek --id 10 --usage-wrap
p11 --wrap -m 0x210a --id 10 --application-id 02 -o bundle/master.wrapped
p11 --delete-object --type secrkey --id 10
od -An -tx1 kek.bin | tr -d ' \n' | ssss-split -t 3 -n 5 -x -s 256 -q > shares.txt
rm kek.bin

# The root certificate, the audit certificate, a subordinate from its CSR, the first CRL.
openssl req -new -x509 -engine pkcs11 -keyform engine -key "$key" -sha384 -days 9131 \
  -subj '/C=DE/O=ACME Example GmbH/CN=ACME Example Root CA 2026' -extensions root_ext -out bundle/certs/root.pem 2> /dev/null
serial() { echo "0x$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"; }
openssl req -new -engine pkcs11 -keyform engine -key "$audit" -sha384 -subj '/C=DE/O=ACME Example GmbH/CN=ACME Example Ceremony Audit 2026' -out audit.csr 2> /dev/null
openssl x509 -req -in audit.csr -engine pkcs11 -CAkeyform engine -CAkey "$key" -CA bundle/certs/root.pem -sha384 -days 3652 \
  -set_serial "$(serial)" -extfile openssl.cnf -extensions audit_ext -out bundle/certs/audit.pem 2> /dev/null
openssl x509 -req -in "$csr" -engine pkcs11 -CAkeyform engine -CAkey "$key" -CA bundle/certs/root.pem -sha384 -days 1826 \
  -set_serial "$(serial)" -subj '/C=DE/O=ACME Example GmbH/CN=ACME Example Issuing CA 2026' \
  -extfile openssl.cnf -extensions sub_ext -out bundle/certs/issuing-ca.pem 2> /dev/null
openssl ca -gencrl -engine pkcs11 -keyform engine -keyfile "$key" -cert bundle/certs/root.pem -crlexts crl_ext -out bundle/crls/root.crl 2> /dev/null

# Two USB copies of the wrapped backup and the public files, as the example
# script asks (usbCopies: 2): copied, flushed, read back and compared.
(cd bundle && sha256sum master.wrapped certs/* crls/*) > usb.sums
for n in 1 2; do
  copy="usb-$n/copy"
  mkdir -p "$copy"
  cp -r bundle/master.wrapped bundle/certs bundle/crls "$copy/"
  sync "$copy"/master.wrapped "$copy"/certs/* "$copy"/crls/* "$copy/certs" "$copy/crls" "$copy" "usb-$n"
  (cd "$copy" && sha256sum -c --quiet ../../usb.sums)
done

# A transcript stand-in, signed (CMS, detached) with the audit key, and the sums.
printf '{"seq":0,"type":"ceremony.opened"}\n{"seq":1,"type":"ceremony.closed"}\n' > bundle/transcript.jsonl
openssl cms -sign -binary -md sha384 -in bundle/transcript.jsonl -signer bundle/certs/audit.pem -certfile bundle/certs/root.pem -engine pkcs11 -keyform engine -inkey "$audit" \
  -outform DER -out bundle/transcript.jsonl.p7s 2> /dev/null
(cd bundle && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | sort | xargs sha256sum > SHA256SUMS)

# The recovery drill: a second token; the KEK rebuilt from the last 3 of the 5
# shares, imported, the master key unwrapped with it and proven by its check
# value (AES-ECB of a zero block) against the original's.
softhsm2-util --init-token --free --label drill --so-pin bench-so-1234 --pin "$pin" > /dev/null
tail -n 3 shares.txt | ssss-combine -t 3 -x -q 2>&1 | tail -n 1 | perl -ne 'chomp; print pack "H*", $_' > kek.bin
drill --write-object kek.bin --type secrkey --key-type AES:32 --label kek --id 10 --usage-wrap
rm kek.bin
drill --unwrap -m 0x210a --id 10 -i bundle/master.wrapped --key-type AES: --application-id 02 --label master
drill --encrypt -m AES-ECB --id 02 -i zero.bin -o restored.kcv
cmp -s master.kcv restored.kcv

# The auditor's checks on the bundle.
cd bundle
openssl verify -CAfile certs/root.pem certs/audit.pem certs/issuing-ca.pem > /dev/null
openssl crl -in crls/root.crl -CAfile certs/root.pem -noout -verify 2> /dev/null
openssl cms -verify -binary -inform DER -in transcript.jsonl.p7s -content transcript.jsonl -CAfile certs/root.pem -purpose any -out /dev/null 2> /dev/null
sha256sum -c --quiet SHA256SUMS
