/** The machine a run was measured on, and how busy it was. */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

function cpuModel() {
  try {
    return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function machine(browserVersion) {
  return {
    nproc: availableParallelism(),
    cpu: cpuModel(),
    chromium: browserVersion,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/** 1-minute load average, rounded. */
export const load = () => Math.round(loadavg()[0] * 100) / 100;
