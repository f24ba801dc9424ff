/**
 * The results of a pure function of bytes for the last few inputs, keyed by
 * the exact bytes. Issuing one certificate reads the same few values many
 * times over — the CSR's key, the issuer's key, each extension — in the CSR
 * check, the lints before and after signing and the summary; decoding each
 * once is the same as decoding it again, as long as the result is never
 * changed (callers get frozen or copied results).
 */
export class RecentResults<T> {
  /** Insertion order is recency order: a hit moves to the end, the oldest is dropped first. */
  private readonly results = new Map<string, T>();

  /**
   * @param capacity how many inputs to remember: enough for one issuance,
   *   few enough that a batch of certificates for different keys computes each key's results anew.
   */
  constructor(private readonly capacity: number) {}

  /** compute(bytes), or its result for equal bytes seen recently. */
  get(bytes: Uint8Array, compute: (bytes: Uint8Array) => T): T {
    const id = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (this.results.has(id)) {
      const known = this.results.get(id)!;
      this.results.delete(id);
      this.results.set(id, known);
      return known;
    }
    const fresh = compute(bytes);
    this.results.set(id, fresh);
    if (this.results.size > this.capacity) this.results.delete(this.results.keys().next().value!);
    return fresh;
  }
}
