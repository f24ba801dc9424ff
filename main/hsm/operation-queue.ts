/**
 * One queue for every call into the PKCS#11 module (design/ARCHITECTURE.md,
 * layer rule 4): PKCS#11 allows one active operation per session, and two
 * signatures at once on one session fail with CKR_OPERATION_ACTIVE
 * (design/STACK-NOTES.md). Operations run strictly one after another, in order.
 */
export class OperationQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;

  /** Runs `operation` after every operation queued before it has settled. */
  run<T>(operation: () => Promise<T> | T): Promise<T> {
    this.pending++;
    const result = this.tail.then(operation);
    this.tail = result.then(
      () => this.pending--,
      () => this.pending--,
    );
    return result;
  }

  /** How many operations are queued or running. */
  get size(): number {
    return this.pending;
  }
}
