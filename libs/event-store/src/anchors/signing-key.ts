import { type KeyObject, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as SPKI PEM, to publish. */
  publicKeyPem: string;
  /** True when this call generated the key (the file did not exist). */
  generated: boolean;
}

function fromPrivate(privateKey: KeyObject, generated: boolean): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The signing key must be an Ed25519 private key (PEM, PKCS#8)');
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), generated };
}

/** The Ed25519 key in a PEM file (PKCS#8); throws when the file is missing or holds no such key. */
export function readSigningKey(file: string): SigningKey {
  return fromPrivate(createPrivateKey(readFileSync(file, 'utf8')), false);
}

/** The key in `file`, generated into it (readable by its owner alone) when there is none yet. */
export function loadOrCreateSigningKey(file: string): SigningKey {
  if (existsSync(file)) return readSigningKey(file);
  const { privateKey } = generateKeyPairSync('ed25519');
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process on the same DATA_DIR wrote one first: sign with that one.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readSigningKey(file);
    throw error;
  }
  return fromPrivate(privateKey, true);
}

/** A public key from its PEM (SPKI), or from a private key's PEM. */
export function publicKeyFromPem(pem: string): KeyObject {
  return createPublicKey(pem);
}
