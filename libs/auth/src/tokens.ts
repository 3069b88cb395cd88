import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type JWTPayload, SignJWT, createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import { UnauthenticatedError } from './auth.errors.js';
import { type Principal, isRole } from './roles.js';

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

const LOCAL_ISSUER = 'lagesbild-local';
const LOCAL_AUDIENCE = 'lagesbild';

/**
 * The embedded default: tokens signed and verified with a local secret (HS256).
 * `npm run cli -- token …` mints them.
 */
export class LocalTokens implements TokenVerifier {
  private readonly key: Uint8Array;
  private readonly known = new VerifiedTokens();

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  async mint(principal: Principal, ttlSeconds = 12 * 3600): Promise<string> {
    return new SignJWT({ name: principal.name, roles: principal.roles, org: principal.org })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(principal.id)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
  }

  verify(token: string): Promise<Principal> {
    return this.known.principal(token, () =>
      jwtVerify(token, this.key, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: ['HS256'] }),
    );
  }
}

/** Production: tokens from the OIDC provider, verified against its published keys. */
export class OidcTokens implements TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;
  private readonly known = new VerifiedTokens();

  constructor(private readonly settings: { jwksUrl: string; issuer: string; audience: string }) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl));
  }

  verify(token: string): Promise<Principal> {
    const { issuer, audience } = this.settings;
    return this.known.principal(token, () => jwtVerify(token, this.keys, { issuer, audience }));
  }
}

/**
 * Tokens already verified, until they expire: checking a signature is the costliest step of
 * a request, and a client sends the same token with every one. Keyed by the whole token (a
 * changed byte is another token); bounded, forgetting the oldest first.
 */
class VerifiedTokens {
  private readonly entries = new Map<string, { principal: Principal; expiresAtMs: number }>();

  constructor(private readonly maxEntries = 10_000) {}

  async principal(token: string, verify: () => Promise<{ payload: JWTPayload }>): Promise<Principal> {
    const known = this.entries.get(token);
    if (known && known.expiresAtMs > Date.now()) return known.principal;
    this.entries.delete(token);
    const payload = await verified(verify);
    const principal = principalFrom(payload);
    if (payload.exp !== undefined) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(token, { principal, expiresAtMs: payload.exp * 1000 });
    }
    return principal;
  }
}

async function verified(check: () => Promise<{ payload: JWTPayload }>): Promise<JWTPayload> {
  try {
    return (await check()).payload;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('The token has expired');
    if (error instanceof joseErrors.JOSEError) throw new UnauthenticatedError('The token is not valid');
    throw error;
  }
}

function principalFrom(payload: JWTPayload): Principal {
  const { sub, name, roles, org } = payload as JWTPayload & { name?: unknown; roles?: unknown; org?: unknown };
  if (typeof sub !== 'string' || sub === '') throw new UnauthenticatedError('The token has no subject (sub)');
  if (typeof org !== 'string' || org === '') throw new UnauthenticatedError('The token has no org claim');
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    throw new UnauthenticatedError('The token has no known roles');
  }
  return { id: sub, name: typeof name === 'string' ? name : sub, roles, org };
}

/** AUTH_SECRET if set, else one generated once and kept in DATA_DIR (readable by its owner only). */
export function localSecret(dataDir: string, configured?: string): string {
  if (configured) return configured;
  const file = join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process (the CLI beside the api) created it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}
