import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker script `name` that sits beside the calling module: its compiled `.js`
 * when running from `dist/`, or its `.ts` source through SWC (tests, `npm run cli`).
 */
export function startWorker(callerUrl: string, name: string, workerData: unknown, options: Pick<WorkerOptions, 'resourceLimits'> = {}): Worker {
  const fromSource = callerUrl.endsWith('.ts');
  const script = new URL(`./${name}.${fromSource ? 'ts' : 'js'}`, callerUrl);
  return new Worker(script, {
    ...options,
    workerData,
    execArgv: fromSource ? ['--no-warnings', '--import', '@swc-node/register/esm-register'] : [],
  });
}
