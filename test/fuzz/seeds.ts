/**
 * The fixed seeds `npm test` fuzzes with: the same inputs on every run and
 * every machine, so a failure in CI is replayed locally with
 * `npm run fuzz -- --target NAME --seed SEED --inputs N`.
 */
export const FUZZ_SEEDS = {
  csr: 0x0c5a_2026,
  'share-words': 0x5a_2e_00_01,
  'sealed-share': 0x5ea1_ed00,
  backup: 0xbac_c0de,
  transcript: 0x7a_e5_c0_01,
  script: 0x5c_71_90_01,
  bundle: 0xb0_0d_1e_01,
} as const;
