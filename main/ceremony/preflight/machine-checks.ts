import { hostname, networkInterfaces, platform, release, type, arch } from 'node:os';
import { appIdentity, type AppIdentity } from './app-identity.js';

/** The outcome of one pre-flight check, as the screen and the transcript show it. */
export interface CheckResult {
  id: string;
  title: string;
  status: 'pass' | 'warn' | 'fail';
  /** What was found, in plain words. */
  detail: string;
  /** What to do about a warning or a failure. */
  action?: string;
}

export interface MachineFacts {
  hostname: string;
  os: string;
  node: string;
  app: AppIdentity;
  /** Network interfaces other than loopback that are up, with their addresses. */
  networkInterfaces: { name: string; addresses: string[] }[];
  clock: string;
}

/** The machine as it is now: host, OS, app and code hash, live network interfaces, clock. */
export function readMachineFacts(now: Date = new Date()): MachineFacts {
  const live = Object.entries(networkInterfaces())
    .map(([name, addrs]) => ({ name, addresses: (addrs ?? []).filter((a) => !a.internal).map((a) => a.address) }))
    .filter((i) => i.addresses.length > 0);
  return {
    hostname: hostname(),
    os: `${type()} ${release()} (${platform()} ${arch()})`,
    node: process.versions.node,
    app: appIdentity(),
    networkInterfaces: live,
    clock: now.toISOString(),
  };
}

/**
 * Judges the machine for a ceremony. A live network interface is a warning
 * the witness must acknowledge, or a failure when the script requires an air
 * gap. The clock cannot be checked against anything offline: the witness
 * compares it with a watch, so it is a warning-level check that always asks.
 */
export function judgeMachine(facts: MachineFacts, airGap: 'required' | 'warn'): CheckResult[] {
  const results: CheckResult[] = [];
  if (facts.networkInterfaces.length === 0) {
    results.push({ id: 'network', title: 'No network', status: 'pass', detail: 'No network interface other than loopback is up.' });
  } else {
    const list = facts.networkInterfaces.map((i) => `${i.name} (${i.addresses.join(', ')})`).join('; ');
    results.push({
      id: 'network',
      title: 'Network interfaces up',
      status: airGap === 'required' ? 'fail' : 'warn',
      detail: `Interfaces other than loopback are up: ${list}.`,
      action: airGap === 'required' ? 'The script requires an air gap: unplug the cable, switch off Wi-Fi, and run the pre-flight again.' : 'The witness must acknowledge this warning, or disconnect the machine and check again.',
    });
  }
  results.push({ id: 'host', title: 'Machine', status: 'pass', detail: `Host ${facts.hostname}, ${facts.os}, Node ${facts.node}.` });
  results.push({ id: 'app', title: 'Conclave', status: 'pass', detail: `${facts.app.name} ${facts.app.version}, code SHA-256 ${facts.app.codeSha256} over ${facts.app.codeFiles} files.`, action: 'Compare the code SHA-256 with the one published for this release.' });
  results.push({ id: 'clock', title: 'Clock', status: 'warn', detail: `The machine's clock says ${facts.clock} (UTC).`, action: 'The witness compares it with a trusted watch; certificates and the transcript carry this time.' });
  return results;
}
