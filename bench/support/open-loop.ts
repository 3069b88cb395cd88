import { Agent, request } from 'node:http';
import { nowMs, percentile } from './measure.js';

export interface PlannedRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Told the status when the answer has come. */
  onDone?: (status: number) => void;
}

export interface OpenLoopResult {
  rate: number;
  achieved: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** How many answers had each status other than 2xx. */
  statuses: Record<string, number>;
}

/**
 * Open-loop load: requests leave at their planned moments, evenly spaced at `rate` a second,
 * whether or not earlier ones have been answered (as users arrive), and each latency runs
 * from the planned moment — a slow server is not hidden by a client that waits for it.
 */
export async function openLoop(url: string, rate: number, seconds: number, next: () => PlannedRequest): Promise<OpenLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const { hostname, port } = new URL(url);
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let non2xx = 0;
  const statuses: Record<string, number> = {};
  let errors = 0;
  const started = nowMs();
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i += 1) {
    let planned = started + (i * 1000) / rate;
    const wait = planned - nowMs();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    // A request sent (up to a millisecond) before its moment is timed from when it left.
    planned = Math.min(planned, nowMs());
    const plan = next();
    inFlight.push(
      new Promise<void>((resolve) => {
        const req = request({ agent, hostname, port, method: plan.method, path: plan.path, headers: { ...plan.headers, ...(plan.body ? { 'content-length': Buffer.byteLength(plan.body) } : {}) } }, (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(nowMs() - planned);
            if (res.statusCode! < 200 || res.statusCode! >= 300) {
              non2xx += 1;
              statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
            }
            plan.onDone?.(res.statusCode!);
            resolve();
          });
        });
        req.on('error', () => {
          errors += 1;
          resolve();
        });
        req.end(plan.body);
      }),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (nowMs() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { rate, achieved: Math.round(latencies.length / elapsed), p50: Number(percentile(latencies, 50).toFixed(2)), p99: Number(percentile(latencies, 99).toFixed(2)), non2xx, errors, statuses };
}
