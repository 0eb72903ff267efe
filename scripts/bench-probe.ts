import { writeFileSync } from 'node:fs';

/** Loaded with `node --import` into a benchmarked run: writes its CPU time and peak RSS on exit. */
const target = process.env['BENCH_USAGE_FILE'];
if (target !== undefined) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({ userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, maxRssKb: usage.maxRSS }),
    );
  });
}
