import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import {
  CheckpointLog,
  type LogAnchor,
  type SignedCheckpoint,
  type VerificationResult,
  checkAnchors,
  checkCheckpoints,
  openEventStore,
  parseAnchor,
  publicKeyFromPem,
  verifyWithAnchors,
} from '@lagesbild/event-store';
import { validateEnvironment } from '../../../api/src/config/environment.js';
import { progressLine } from '../progress.js';
import { storeSettingsFromEnvironment } from '../store-settings.js';

interface VerifyOptions {
  anchor: LogAnchor[];
  checkpoints?: boolean;
  publicKey?: string;
}

function collectAnchor(value: string, anchors: LogAnchor[]): LogAnchor[] {
  const anchor = parseAnchor(value);
  if (!anchor) throw new InvalidArgumentError('--anchor must be POSITION:HASH, a log position and its chain hash (64 hex digits)');
  return [...anchors, anchor];
}

/** The signed checkpoints in DATA_DIR and the key to check them: given, or the api's signing key (its public half). */
function signedCheckpoints(options: VerifyOptions): { checkpoints: SignedCheckpoint[]; publicKey: KeyObject } {
  const environment = validateEnvironment(process.env);
  const keyFile = options.publicKey ?? environment.SIGNING_KEY_FILE ?? join(environment.DATA_DIR, 'signing-key.pem');
  if (!existsSync(keyFile)) throw new InvalidArgumentError(`--checkpoints: there is no key at ${keyFile}; give the public key with --public-key FILE`);
  const publicKey = publicKeyFromPem(readFileSync(keyFile, 'utf8'));
  const log = new CheckpointLog(join(environment.DATA_DIR, 'checkpoints.db'));
  try {
    return { checkpoints: log.after(0n), publicKey };
  } finally {
    log.close();
  }
}

/**
 * `verify`: walks the whole log and checks its hash chain, then the log digests kept outside it
 * (`--anchor`, the signed `--checkpoints`), which a rewrite with a recomputed chain cannot match.
 * Exit code 1 when anything differs, naming the first position that does.
 */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('Kontrollera händelseloggens hashkedja (tamper check), och mot ankare utanför loggen, och skriv {ok, checked, firstBrokenPosition}')
    .option('--anchor <POSITION:HASH>', 'en loggsammanfattning förvarad utanför loggen (t.ex. ur en utfärdad återrapportering); flera går', collectAnchor, [])
    .option('--checkpoints', 'kontrollera också mot de signerade kontrollpunkterna i DATA_DIR')
    .option('--public-key <FILE>', 'den publika nyckeln (PEM) för --checkpoints; standard: SIGNING_KEY_FILE eller DATA_DIR/signing-key.pem')
    .action(async (options: VerifyOptions) => {
      const signed = options.checkpoints ? signedCheckpoints(options) : undefined;
      const store = openEventStore(storeSettingsFromEnvironment());
      try {
        const head = Number(await store.headPosition());
        const progress = progressLine('Verifierar händelser');
        const checks: Array<() => Promise<VerificationResult>> = [
          ...(options.anchor.length > 0 ? [() => checkAnchors(store, options.anchor)] : []),
          ...(signed ? [() => checkCheckpoints(store, signed.checkpoints, signed.publicKey)] : []),
        ];
        const result = await verifyWithAnchors(store, checks, { onProgress: (checked) => progress.update(checked, head) });
        progress.end();
        process.stdout.write(
          `${JSON.stringify({
            ok: result.ok,
            checked: result.checked,
            ...(result.firstBrokenPosition !== undefined
              ? { firstBrokenPosition: result.firstBrokenPosition.toString(), reason: result.reason }
              : {}),
          })}\n`,
        );
        if (!result.ok) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
