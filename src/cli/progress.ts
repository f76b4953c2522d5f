import cliProgress from 'cli-progress';

/** A progress bar on stderr, so stdout stays clean for --json. */
export function progressBar(total: number): cliProgress.SingleBar {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, synchronousUpdate: true, hideCursor: true, format: '{bar} {percentage}% | {value}/{total} | ETA {eta}s' },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}
