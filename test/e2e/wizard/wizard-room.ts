import { mkdirSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { Handlers } from '../../../shared/ipc/api-types.js';
import type { HostQuestion } from '../../../shared/ipc/host-questions.js';
import type { RemovableMedium } from '../../../shared/ipc/media-channels.js';
import { PracticeRooms } from '../../../main/service/practice-rooms.js';
import { buildRenderer } from '../../support/bridge/build-renderer.js';
import { bridgedEngine, type BridgedEngine } from '../../support/bridge/engine-services.js';
import { launchBridge, type Bridge } from '../../support/bridge/launch-bridge.js';

/** Where every screen's picture goes, for people to look at (test-results/screens/*.png). */
export const SCREENS_DIR = resolve(import.meta.dirname, '..', '..', '..', 'test-results', 'screens');

/** The name the stand-in USB stick shows. */
export const STICK_NAME = 'CEREMONY-USB';

/**
 * The room of a wizard test: the built renderer in Debian's Chromium, bridged
 * to the real engine on SoftHSM, with a temporary folder standing in for a
 * USB stick. The engine can be stopped and started again under the page
 * (`restartEngine`), as after a crash.
 */
export class WizardRoom {
  engine!: BridgedEngine;
  bridge!: Bridge;
  readonly practice = new PracticeRooms();
  private readonly screensTaken = new Set<string>();

  private constructor(
    readonly rendererDir: string,
    readonly usb: string,
    readonly dataDir: string,
    readonly screenPrefix: string,
  ) {}

  /** `screenPrefix` starts every screenshot's name, so two tests walking the same screens keep their own pictures. */
  static async open(options: { screenPrefix?: string } = {}): Promise<WizardRoom> {
    const room = new WizardRoom(mkdtempSync(join(tmpdir(), 'conclave-wizard-renderer-')), mkdtempSync(join(tmpdir(), 'conclave-wizard-usb-')), mkdtempSync(join(tmpdir(), 'conclave-wizard-data-')), options.screenPrefix ?? '');
    mkdirSync(SCREENS_DIR, { recursive: true });
    await buildRenderer(room.rendererDir);
    room.bridge = await launchBridge({
      rendererDir: room.rendererDir,
      services: (emit) => {
        room.engine = room.newEngine(emit);
        return room.delegate();
      },
    });
    return room;
  }

  /** Handlers that always reach the engine running now, so the engine can be restarted under the page. */
  private delegate(): Handlers {
    const current = () => this.engine.handlers as unknown as Record<string, Record<string, (request: unknown) => Promise<unknown>>>;
    return new Proxy({} as Handlers, {
      get: (_, group: string) => new Proxy({}, { get: (__, method: string) => (request: unknown) => current()[group]![method]!(request) }),
    });
  }

  /** More stand-in drives a test plugs in (a full one, a read-only one), by name and folder. */
  readonly moreMedia: { name: string; dir: string }[] = [];

  /** The stand-in USB sticks, as the app's drive listing would report them. */
  listMedia = async (): Promise<RemovableMedium[]> =>
    [{ name: STICK_NAME, dir: this.usb }, ...this.moreMedia].map(({ name, dir }) => {
      const stats = statfsSync(dir);
      return { mountPoint: dir, name, freeBytes: Number(stats.bavail) * Number(stats.bsize) };
    });

  /** Plugs a drive in: the page hears of it as it would from the app's drive watcher ("media.changed"). */
  async plugIn(name: string, dir: string): Promise<void> {
    this.moreMedia.push({ name, dir });
    this.bridge.emit('media.changed', { media: await this.listMedia() });
  }

  private newEngine(emit: Parameters<typeof bridgedEngine>[0]): BridgedEngine {
    return bridgedEngine(emit, { listMedia: this.listMedia, dataDir: this.dataDir, practice: this.practice });
  }

  /** Stops the engine under the page (its run releases the HSM) and starts a fresh one on the same data folder. */
  async restartEngine(): Promise<void> {
    const old = this.engine;
    await old.ceremonies.shutdown('The engine was stopped under the page (a crash, in this test).');
    this.engine = this.newEngine(this.bridge.emit);
  }

  get page() {
    return this.bridge.page;
  }

  /** The first question still open that is not `previous`, once the engine asks it; undefined once the run has ended. */
  async nextQuestion(previous: string | undefined, timeout = 60_000): Promise<HostQuestion | undefined> {
    let found: HostQuestion | undefined;
    await expect
      .poll(
        () => {
          found = this.engine.host.pending().find((q) => q.id !== previous);
          return found !== undefined || this.engine.ceremonies.status()?.state !== 'running';
        },
        { timeout, interval: 50 },
      )
      .toBe(true);
    return found;
  }

  /** A screenshot of the page as it is now; `once` keeps only the first picture of that name. */
  async screen(name: string, once = true): Promise<void> {
    if (once && this.screensTaken.has(name)) return;
    this.screensTaken.add(name);
    await this.page.screenshot({ path: join(SCREENS_DIR, `${this.screenPrefix}${name}.png`), fullPage: false });
  }

  async close(): Promise<void> {
    await this.engine?.ceremonies.shutdown('The test ended.').catch(() => undefined);
    await this.bridge.close();
    this.practice.removeAll();
    for (const dir of [this.rendererDir, this.usb, this.dataDir]) rmSync(dir, { recursive: true, force: true });
  }
}
