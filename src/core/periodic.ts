import type { Logger } from '../logger';

/** Work that runs every so often in this process; `stop` cancels the next run and waits for the one in progress. */
export interface PeriodicJob {
  stop(): Promise<void>;
}

/**
 * Runs `work` every `seconds` (0 or less: never) until stopped, one run at a time. A failed run (the database briefly
 * away, say) is logged as `what failed` and the next one tries again; a run that did something logs what `done` says.
 * The timer alone does not keep the process alive.
 */
export function startPeriodic(what: string, seconds: number, work: () => Promise<Record<string, unknown> | null>, log: Logger): PeriodicJob {
  if (seconds <= 0) return { stop: async () => undefined };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  const schedule = () => {
    timer = setTimeout(run, seconds * 1000);
    timer.unref();
  };
  const run = () => {
    running = work()
      .then((done) => {
        if (done) log.info(done, what);
      })
      .catch((err: unknown) => log.error({ err }, `${what} failed`))
      .finally(() => {
        running = null;
        if (!stopped) schedule();
      });
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
