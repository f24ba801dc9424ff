import { describe, expect, it } from 'vitest';
import { OperationQueue } from '../../../main/hsm/operation-queue.js';

const later = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the one queue every HSM call goes through', () => {
  it('runs operations one at a time, in the order they were queued, even when an early one is slow', async () => {
    const queue = new OperationQueue();
    const events: string[] = [];
    const op = (name: string, ms: number) => async () => {
      events.push(`start ${name}`);
      await later(ms);
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([queue.run(op('a', 30)), queue.run(op('b', 1)), queue.run(op('c', 10))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('a failed operation rejects its own caller only; the next one still runs', async () => {
    const queue = new OperationQueue();
    const failed = queue.run(() => {
      throw new Error('CKR_DEVICE_ERROR');
    });
    const next = queue.run(() => 'after');
    await expect(failed).rejects.toThrow('CKR_DEVICE_ERROR');
    await expect(next).resolves.toBe('after');
  });

  it('counts what is queued or running, and returns to zero', async () => {
    const queue = new OperationQueue();
    const first = queue.run(() => later(5));
    const second = queue.run(() => Promise.reject(new Error('x')));
    expect(queue.size).toBe(2);
    await first;
    await second.catch(() => undefined);
    await later(0);
    expect(queue.size).toBe(0);
  });

  it('runs a synchronous operation no earlier than the current turn of the event loop ends', async () => {
    const queue = new OperationQueue();
    let ran = false;
    const done = queue.run(() => {
      ran = true;
    });
    expect(ran).toBe(false);
    await done;
    expect(ran).toBe(true);
  });
});
