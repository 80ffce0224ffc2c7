import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../config/environment';

export const LOCK_FILE = 'server.lock';

/** Who holds a data folder: enough to name them, and to tell whether they still run. */
interface Holder {
  pid: number;
  host: string;
  since: string;
  /** The kernel's start time of that process (Linux), so a recycled pid is not mistaken for the holder. */
  processStart: string | null;
}

export interface DataDirLock {
  /** Removes the lock file if it is still ours. */
  release(): void;
}

/**
 * One server per data folder: the embedded database is a single PostgreSQL that two processes would corrupt, and
 * whichever stopped first would remove the other's socket. A lock file holds the owner's pid, created atomically
 * (a hard link of a complete file: it exists whole or not at all). A lock whose process is gone (kill -9, a crash,
 * a power cut) is stale and taken over; one held by a live process refuses the start with one line naming both.
 *
 * Why a pid file rather than a lease renewed on a timer: nothing to renew, so a busy event loop (PGlite runs queries
 * on it) can never lose the lock, and a crashed owner is recognised at once instead of after a timeout.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    processStart: processStat(process.pid)?.start ?? null,
  };
  const content = JSON.stringify(me);
  const draft = `${path}.${process.pid}.${randomBytes(6).toString('hex')}`;
  writeFileSync(draft, content, { mode: 0o600 });
  try {
    // A few rounds at most: each one either takes the lock, finds a live owner, or clears a stale lock.
    for (let round = 0; round < 5; round++) {
      if (tryLink(draft, path)) return { release: () => releaseIfOurs(path, content) };
      const seen = readOrNull(path);
      if (seen === null) continue; // released in between
      const holder = parseHolder(seen);
      if (!holder) {
        throw new ConfigError(
          `DATA_DIR: ${path} is not a lock this server wrote; remove it if no server uses ${dataDir}`,
        );
      }
      if (stillRuns(holder)) {
        throw new ConfigError(
          `DATA_DIR: ${dataDir} is in use by another server (pid ${holder.pid} on ${holder.host}, since ${holder.since}); stop it or choose another DATA_DIR`,
        );
      }
      clearStale(path, seen);
    }
    throw new ConfigError(`DATA_DIR: could not lock ${dataDir}: other servers keep starting on it`);
  } finally {
    rmSync(draft, { force: true });
  }
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Moves the stale lock aside and checks it is the one judged stale: if another starter replaced it in between, that
 * live lock is put back. Two starters racing on one stale lock therefore end with exactly one owner.
 */
function clearStale(path: string, judged: string): void {
  const aside = `${path}.stale.${process.pid}.${randomBytes(6).toString('hex')}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    if (readFileSync(aside, 'utf8') !== judged) tryLink(aside, path);
  } finally {
    rmSync(aside, { force: true });
  }
}

function stillRuns(holder: Holder): boolean {
  // Another machine's process (a shared network folder) cannot be checked from here: assume it runs.
  if (holder.host !== hostname()) return true;
  const stat = processStat(holder.pid);
  // A killed server stays a zombie until its parent reaps it (an npm that exited first leaves that to init, which
  // may take a while): it holds nothing any more.
  if (stat?.state === 'Z' || stat?.state === 'X') return false;
  const now = stat?.start ?? null;
  // The same pid started at another time is another process that inherited the number (a container restart).
  if (now !== null && holder.processStart !== null) return now === holder.processStart;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

/**
 * Fields 3 (state: R, S, Z for a zombie…) and 22 (start time in clock ticks since boot) of /proc/<pid>/stat; null
 * where there is no such process or no /proc.
 */
function processStat(pid: number): { state: string; start: string | null } | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '', start: fields[19] ?? null };
}

function parseHolder(text: string): Holder | null {
  try {
    const holder = JSON.parse(text) as Partial<Holder>;
    return Number.isInteger(holder.pid) && typeof holder.host === 'string' ? (holder as Holder) : null;
  } catch {
    return null;
  }
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function releaseIfOurs(path: string, content: string): void {
  if (readOrNull(path) === content) rmSync(path, { force: true });
}
