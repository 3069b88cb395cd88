import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SubjectKeyStore } from './subject-key-store.js';

/** A support case's subject, in clear: only ever in memory. */
export interface SubjectData {
  name: string;
  personalIdentityNumber?: string;
  notes?: string;
}

const VERSION = 'v1';

/**
 * Seals a subject's personal data with AES-256-GCM under a key of its own, kept in the key
 * store; opens it while the key exists. The sealed text (`v1.<iv>.<tag>.<ciphertext>`,
 * base64url) is what events and views hold; once the key is destroyed it opens for no one.
 */
export class SubjectVault {
  constructor(private readonly keys: SubjectKeyStore) {}

  async seal(subjectId: string, data: SubjectData): Promise<string> {
    const key = randomBytes(32);
    await this.keys.create(subjectId, key);
    const stored = (await this.keys.get(subjectId))!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', stored, iv);
    cipher.setAAD(Buffer.from(subjectId));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
  }

  /** The subject in clear, or `undefined` once it has been erased (its key destroyed). */
  async open(subjectId: string, sealed: string): Promise<SubjectData | undefined> {
    const key = await this.keys.get(subjectId);
    if (!key) return undefined;
    const [version, iv, tag, ciphertext] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error(`Unknown sealed format for subject ${subjectId}`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(subjectId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return JSON.parse(Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8')) as SubjectData;
  }

  erase(subjectId: string): Promise<void> {
    return this.keys.destroy(subjectId);
  }
}
