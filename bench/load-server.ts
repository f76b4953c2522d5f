// The server of the load benchmark: src/main.ts as `npm start` runs it, plus an answer to the
// benchmark's "memory" message over the IPC channel, so that the heap can be read from outside.
// Run with --expose-gc: the heap is measured after a full collection, so it counts what is live
// rather than what awaits collection.
// "memory" reads as things are; "memory after gc" collects first (at the start and the end only:
// a full collection pauses every request).
process.on('message', (message) => {
  if (message !== 'memory' && message !== 'memory after gc') return;
  if (message === 'memory after gc') (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  process.send?.({ rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers });
});
await import('../src/main.ts');
