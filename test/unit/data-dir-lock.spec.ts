import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCK_FILE, lockDataDir } from '../../src/database/data-dir-lock';
import { pollUntil } from '../support/poll';

describe('the data folder lock', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'forum-lock-'));
  const lockOf = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
  /** The pid of a process that has exited: what a kill -9 leaves in the lock. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

  it('is held by one owner at a time and released by it', () => {
    const dir = folder();
    const lock = lockDataDir(dir);
    expect(lockOf(dir).pid).toBe(process.pid);
    expect(() => lockDataDir(dir)).toThrow(`pid ${process.pid}`);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir).release();
  });

  it('takes over the lock of a process that is gone', () => {
    const dir = folder();
    const pid = deadPid();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), since: 'then', processStart: '1' }));
    const lock = lockDataDir(dir);
    expect(lockOf(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over the lock of a killed process that is still a zombie (not yet reaped by its parent)', async () => {
    // The child exits after its parent has been `exec`-ed into a second sleep, which never reaps it. (`sleep 0` could
    // exit while the parent was still a shell, which may reap it itself: then there is no zombie to find.)
    const parent = spawn('sh', ['-c', 'sleep 0.2 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const pid = Number((await once(parent.stdout!, 'data'))[0].toString().trim());
      const isZombie = (stat: string) => /\) Z /.test(stat);
      const stat = await pollUntil(() => readFileSync(`/proc/${pid}/stat`, 'utf8'), isZombie, {
        withinMs: 1000,
        everyMs: 10,
      });
      expect(stat).toMatch(/\) Z /);
      const processStart = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
      const dir = folder();
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, host: hostname(), since: 'then', processStart }));
      const lock = lockDataDir(dir);
      expect(lockOf(dir).pid).toBe(process.pid);
      lock.release();
    } finally {
      parent.kill();
    }
  });

  it('takes over a lock whose pid now belongs to another process (started at another time)', () => {
    const dir = folder();
    const stale = { pid: process.pid, host: hostname(), since: 'then', processStart: 'another boot' };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(stale));
    lockDataDir(dir).release();
  });

  it('refuses a lock from another machine, which it cannot check, and one it cannot read', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: 'elsewhere', since: 'then' }));
    expect(() => lockDataDir(dir)).toThrow('on elsewhere');
    writeFileSync(join(dir, LOCK_FILE), 'garbage');
    expect(() => lockDataDir(dir)).toThrow('not a lock this server wrote');
  });

  it('leaves a lock that is no longer its own in place on release', () => {
    const dir = folder();
    const lock = lockDataDir(dir);
    const successor = JSON.stringify({ pid: 1, host: hostname(), since: 'now', processStart: null });
    writeFileSync(join(dir, LOCK_FILE), successor);
    lock.release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(successor);
  });
});
