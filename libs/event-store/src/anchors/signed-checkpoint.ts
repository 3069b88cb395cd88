import { type KeyObject, sign, verify } from 'node:crypto';
import type { LogAnchor } from './log-anchor.js';

/** A signed statement that the log's chain hash at `position` was `hash` at the moment `at`. */
export interface SignedCheckpoint {
  position: string;
  hash: string;
  at: string;
  /** The exact text signed: anyone can check it with their own tools and the public key. */
  signedText: string;
  /** Ed25519 over `signedText`, base64. */
  signature: string;
}

/** The text a checkpoint signs: plain lines, so it reads without this program. */
export function checkpointText(anchor: LogAnchor, at: string): string {
  return `lagesbild-checkpoint v1\nposition ${anchor.position}\nhash ${anchor.hash}\nat ${at}\n`;
}

export function signCheckpoint(privateKey: KeyObject, anchor: LogAnchor, at: string): SignedCheckpoint {
  const signedText = checkpointText(anchor, at);
  const signature = sign(null, Buffer.from(signedText, 'utf8'), privateKey).toString('base64');
  return { position: anchor.position.toString(), hash: anchor.hash, at, signedText, signature };
}

/** Whether the signature is the key's over the signed text, and the text says what the fields say. */
export function isSignedByKey(publicKey: KeyObject, checkpoint: SignedCheckpoint): boolean {
  const expected = checkpointText({ position: BigInt(checkpoint.position), hash: checkpoint.hash }, checkpoint.at);
  if (checkpoint.signedText !== expected) return false;
  return verify(null, Buffer.from(checkpoint.signedText, 'utf8'), publicKey, Buffer.from(checkpoint.signature, 'base64'));
}
