import { hash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

/** `key` memoised: worked out once per input, at most 10,000 remembered (then forgotten at once). */
function remembered(key: (input: string) => string): (input: string) => string {
  const known = new Map<string, string>();
  return (input) => {
    let value = known.get(input);
    if (value === undefined) {
      value = key(input);
      if (known.size >= 10_000) known.clear();
      known.set(input, value);
    }
    return value;
  };
}

/** Each address's key (an IPv6 address stands for its /56). */
const addressKey = remembered((ip) => ipKeyGenerator(ip));
/** Each token's key: a digest, so the limiter's store never holds the token. */
const tokenKey = remembered((authorization) => hash('sha256', authorization, 'base64url').slice(0, 22));

/** Paths never limited: the operators' probes. */
const UNLIMITED = /^\/(api\/v1\/)?(health|metrics)$/;

/**
 * Requests a minute per token and address, before anything else runs (a flood of forged
 * tokens is limited too): one caller cannot crowd out the others behind the same address,
 * and a token cannot be spread over many addresses to evade it. Past the limit: 429
 * problem+json with Retry-After.
 */
export function rateLimitPerTokenAndAddress(limit: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    skip: (req) => UNLIMITED.test(req.path),
    // Its check reads this function's text for a call of ipKeyGenerator; addressKey makes that call.
    validate: { keyGeneratorIpFallback: false },
    keyGenerator: (req: Request) => {
      const authorization = req.headers.authorization;
      const token = authorization ? tokenKey(authorization) : 'anonymous';
      return `${addressKey(req.ip ?? 'unknown')}|${token}`;
    },
    handler: (req, res) => {
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      res
        .status(429)
        .set('Retry-After', String(seconds))
        .type('application/problem+json')
        .send({
          type: 'urn:lagesbild:problem:too-many-requests',
          title: 'Too Many Requests',
          status: 429,
          detail: `More than ${limit} requests a minute from this token and address; try again in ${seconds} s`,
          instance: req.originalUrl.split('?')[0],
        });
    },
  });
}
