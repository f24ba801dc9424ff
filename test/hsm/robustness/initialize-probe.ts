/**
 * Run as a plain Node program (node --import tsx), the way the CLI and the
 * app load the engine: opens the HSM once and prints, as JSON, the flags the
 * module was initialised with.
 */
import * as graphene from 'graphene-pk11';
import { Hsm } from '../../../main/hsm/hsm.js';

const seen: unknown[] = [];
const initialize = graphene.Module.prototype.initialize;
graphene.Module.prototype.initialize = function (this: graphene.Module, options?: Parameters<graphene.Module["initialize"]>[0]) {
  seen.push(options?.flags ?? null);
  return initialize.call(this, options);
};
const hsm = await Hsm.open({ modulePath: process.argv[2]! });
await hsm.close();
process.stdout.write(`${JSON.stringify({ flags: seen })}\n`);
