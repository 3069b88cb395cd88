import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { parseAnchor } from './log-anchor.js';
import { checkpointText, isSignedByKey, signCheckpoint } from './signed-checkpoint.js';

const hash = 'ab'.repeat(32);

describe('signed checkpoints', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  it('signs plain text naming the position, the hash and the moment', () => {
    const checkpoint = signCheckpoint(privateKey, { position: 42n, hash }, '2026-03-01T00:00:00.000Z');
    expect(checkpoint).toMatchObject({ position: '42', hash, at: '2026-03-01T00:00:00.000Z' });
    expect(checkpoint.signedText).toBe(`lagesbild-checkpoint v1\nposition 42\nhash ${hash}\nat 2026-03-01T00:00:00.000Z\n`);
    expect(checkpoint.signedText).toBe(checkpointText({ position: 42n, hash }, checkpoint.at));
    expect(isSignedByKey(publicKey, checkpoint)).toBe(true);
  });

  it('refuses another key, an altered signature, and fields that differ from the signed text', () => {
    const checkpoint = signCheckpoint(privateKey, { position: 42n, hash }, '2026-03-01T00:00:00.000Z');
    expect(isSignedByKey(generateKeyPairSync('ed25519').publicKey, checkpoint)).toBe(false);
    expect(isSignedByKey(publicKey, { ...checkpoint, signature: Buffer.alloc(64).toString('base64') })).toBe(false);
    expect(isSignedByKey(publicKey, { ...checkpoint, position: '43' })).toBe(false);
  });
});

describe('anchors as text', () => {
  it('reads POSITION:HASH and refuses anything else', () => {
    expect(parseAnchor(`7:${hash.toUpperCase()}`)).toEqual({ position: 7n, hash });
    for (const bad of ['7', `0:${hash}`, `x:${hash}`, `7:${hash.slice(1)}`, `7:${hash}:1`]) expect(parseAnchor(bad)).toBeUndefined();
  });
});
