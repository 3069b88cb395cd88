import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { LOG } from './log.token.js';

const REQUEST_ID = /^[\w.:-]{1,200}$/;
/** Probes ask often and are answered alike: not logged. */
const HEALTH = new Set(['/health', '/api/v1/health']);

/**
 * One log line per answered request: method, URL, status and time taken (an error for a 5xx,
 * else info), under the caller's `X-Request-Id` or a number of our own. Nothing is put
 * together unless that level is logged: on a busy api, building a logger per request (as
 * pino-http does, with the request serialised into it) cost a third of a read.
 * Headers are not logged, so neither tokens nor cookies are.
 */
@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  /** Request ids of our own, when the caller sends none. */
  private issued = 0;

  constructor(@Inject(LOG) private readonly log: Logger) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if (!this.log.isLevelEnabled('error') || HEALTH.has(req.originalUrl)) return next();
    const started = process.hrtime.bigint();
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : String((this.issued += 1));
    res.once('finish', () => {
      const level = res.statusCode === 503 ? 'warn' : res.statusCode >= 500 ? 'error' : 'info';
      if (!this.log.isLevelEnabled(level)) return;
      const responseTime = Number(process.hrtime.bigint() - started) / 1e6;
      this.log[level](
        { req: { id, method: req.method, url: req.originalUrl }, res: { statusCode: res.statusCode }, responseTime: Math.round(responseTime * 100) / 100 },
        res.statusCode === 503 ? 'request refused for now' : res.statusCode >= 500 ? 'request errored' : 'request completed',
      );
    });
    next();
  }
}
