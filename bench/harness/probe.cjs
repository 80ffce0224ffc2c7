/* global process */
// Preloaded into the benchmarked servers (`node --expose-gc -r …/probe.cjs`): answers the harness over IPC with
// the process's memory (after a full GC when asked) and its CPU time, and does nothing else.
if (process.send) {
  // The IPC channel must not keep a server alive that would otherwise exit.
  process.channel.unref();
  process.on('message', (message) => {
    if (!message || message.probe === undefined) return;
    if (message.gc && typeof globalThis.gc === 'function') {
      globalThis.gc();
      globalThis.gc();
    }
    const cpu = process.cpuUsage();
    process.send({ probe: message.probe, memory: process.memoryUsage(), cpuMicros: cpu.user + cpu.system });
  });
}
