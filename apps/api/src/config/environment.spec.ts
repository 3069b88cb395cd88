import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { InvalidConfigurationError, validateEnvironment } from './environment.js';

describe('validateEnvironment', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(validateEnvironment({})).toMatchObject({ PORT: 3000, DATA_DIR: './data', LOG_LEVEL: 'info', RATE_LIMIT: 6000 });
    expect(validateEnvironment({ RATE_LIMIT: '120' }).RATE_LIMIT).toBe(120);
  });

  it('names every bad value and what it was', () => {
    const attempt = () =>
      validateEnvironment({ PORT: '30x0', EVENTSTORE_URL: 'http://esdb', LOG_LEVEL: 'loud', AUTH_SECRET: 'short', RATE_LIMIT: 'many' });
    expect(attempt).toThrow(InvalidConfigurationError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('PORT must be a whole number between 1 and 65535 (got "30x0")');
      expect(message).toContain('EVENTSTORE_URL must be an esdb:// connection string');
      expect(message).toContain('LOG_LEVEL must be one of');
      expect(message).toContain('AUTH_SECRET must be at least 32 characters');
      expect(message).toContain('RATE_LIMIT must be a whole number of requests a minute, 1 or more (got "many")');
    }
  });

  it('refuses production without explicit token verification settings', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URL/);
    expect(
      validateEnvironment({
        NODE_ENV: 'production',
        AUTH_ISSUER: 'https://login.example.se',
        AUTH_AUDIENCE: 'lagesbild',
        AUTH_JWKS_URL: 'https://login.example.se/jwks',
      }).NODE_ENV,
    ).toBe('production');
  });

  it('takes a signing key file only when it holds an Ed25519 private key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-key-'));
    try {
      const good = join(dir, 'signing.pem');
      writeFileSync(good, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
      expect(validateEnvironment({ SIGNING_KEY_FILE: good }).SIGNING_KEY_FILE).toBe(good);
      const rsa = join(dir, 'rsa.pem');
      writeFileSync(rsa, generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
      for (const bad of [join(dir, 'missing.pem'), rsa]) expect(() => validateEnvironment({ SIGNING_KEY_FILE: bad })).toThrow(/SIGNING_KEY_FILE must name a readable Ed25519 private key/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
