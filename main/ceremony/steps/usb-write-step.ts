import { exportFiles } from '../../bundle/export-bundle.js';
import type { StepExecutor } from './step-executor.js';

/** What goes on each USB copy before the close: the wrapped backup, the wrapped exports and everything public. */
const USB_FOLDERS = ['backup/', 'certs/', 'crls/', 'exports/', 'keys/'];

/**
 * One USB copy of the ceremony's output: written into a hidden folder on the
 * stick, every file read back and compared, renamed when complete. A full or
 * read-only stick stops the step with a clear error and leaves nothing that
 * looks like a copy; the step can be run again with another stick.
 */
export const usbWriteStep: StepExecutor<'usb.write'> = async (ctx, step) => {
  const { copy, copies } = step.action;
  const what = 'the wrapped backup (backup/backup.json), the certificates, the CRLs and the public keys';
  const medium = await ctx.host.chooseMedia({ step: step.id, copy, copies, what });
  const paths = (await ctx.bundle.listFiles()).filter((p) => USB_FOLDERS.some((f) => p.startsWith(f)));
  const name = `${ctx.script.id}-copy-${copy}`;
  const exported = await exportFiles(ctx.bundleDir, paths, medium, name);
  await ctx.record('media.written', step, ctx.administrator, { copy, copies, files: exported.files, bytes: exported.bytes, target: exported.path, paths });
  await ctx.acknowledge(step, `USB copy ${copy} of ${copies} written and read back`, `${exported.files} files (${exported.bytes} bytes) written to ${exported.path}, each read back and compared.`);
};
