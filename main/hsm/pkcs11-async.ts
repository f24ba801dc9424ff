import type { OperationQueue } from './operation-queue.js';
import { fromPkcs11Error, type Pkcs11Context } from './pkcs11-error.js';

type Callback<T> = (error: Error | null | undefined, value: T | null | undefined) => void;

/**
 * Runs one of graphene's async (callback) calls through the queue. The call
 * itself runs on a libuv thread, so a long generation or signature does not
 * stall the event loop; errors become HsmErrors for `context`.
 */
export function queuedAsync<T>(queue: OperationQueue, context: Pkcs11Context, start: (callback: Callback<T>) => void): Promise<T> {
  return queue.run(
    () =>
      new Promise<T>((resolve, reject) => {
        try {
          start((error, value) => {
            if (error) reject(fromPkcs11Error(error, context));
            else if (value === null || value === undefined) reject(fromPkcs11Error(new Error('the module returned nothing'), context));
            else resolve(value);
          });
        } catch (error) {
          reject(fromPkcs11Error(error, context));
        }
      }),
  );
}
