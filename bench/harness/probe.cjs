/* global process, require */
/* eslint-disable @typescript-eslint/no-require-imports -- a preload given to `node -r`: CommonJS by necessity */
// Preloaded into the benchmarked servers (`node --expose-gc -r …/probe.cjs`): answers the harness over IPC with
// the process's memory (after a full GC when asked), its CPU time, and since the last probe the longest the main
// thread's event loop was held up and the longest GC pause; it does nothing else.
const { monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');
const { isMainThread } = require('node:worker_threads');

// The preload runs in every thread; only the main thread's loop serves HTTP and sockets.
if (process.send && isMainThread) {
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  let gcMaxMs = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMaxMs = Math.max(gcMaxMs, entry.duration);
  }).observe({ entryTypes: ['gc'] });
  // The IPC channel must not keep a server alive that would otherwise exit.
  process.channel.unref();
  process.on('message', (message) => {
    if (!message || message.probe === undefined) return;
    if (message.gc && typeof globalThis.gc === 'function') {
      globalThis.gc();
      globalThis.gc();
    }
    const cpu = process.cpuUsage();
    process.send({
      probe: message.probe,
      memory: process.memoryUsage(),
      cpuMicros: cpu.user + cpu.system,
      loopDelayMaxMs: loopDelay.max / 1e6,
      gcMaxMs,
    });
    loopDelay.reset();
    gcMaxMs = 0;
  });
}
