#!/bin/sh
# Known-answer key check values for AES-256 keys, computed by openssl alone
# (never by Conclave): KCV = first 3 bytes of AES-256-ECB of one zero block.
# Run from the project root:
#   sh test/vectors/hsm/generate-kcv-vectors.sh > test/vectors/hsm/kcv.json
set -eu
keys="000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f
0000000000000000000000000000000000000000000000000000000000000000
ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff
603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4
8000000000000000000000000000000000000000000000000000000000000000
0123456789abcdeffedcba98765432100123456789abcdeffedcba9876543210"
printf '{\n'
printf '  "about": "AES-256 key check values: AES-256-ECB of a zero block under the key, first 3 bytes, hex (FORMATS.md, Share). Computed with the openssl CLI, independently of main/hsm/.",\n'
printf '  "source": "sh test/vectors/hsm/generate-kcv-vectors.sh > test/vectors/hsm/kcv.json  # per key: printf %%032x 0 | xxd -r -p | openssl enc -aes-256-ecb -nopad -K KEY | head -c 3 | xxd -p",\n'
printf '  "vectors": [\n'
sep=''
for key in $keys; do
  kcv=$(printf '%032x' 0 | xxd -r -p | openssl enc -aes-256-ecb -nopad -K "$key" | head -c 3 | xxd -p)
  printf '%s    { "key": "%s", "kcv": "%s" }' "$sep" "$key" "$kcv"
  sep=',
'
done
printf '\n  ]\n}\n'
