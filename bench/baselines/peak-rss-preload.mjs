// Loaded with `node --import` into a program the bench runs as a child: at
// exit, writes the process's own peak resident set (VmHWM of
// /proc/<pid>/status, in kB) to the file CONCLAVE_BENCH_PEAK_RSS_FILE names.
import { readFileSync, writeFileSync } from 'node:fs';

const out = process.env.CONCLAVE_BENCH_PEAK_RSS_FILE;
if (out) {
  process.on('exit', () => {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${process.pid}/status`, 'utf8'));
    writeFileSync(out, match ? match[1] : '');
  });
}
