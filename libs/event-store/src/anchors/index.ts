export { type LogAnchor, parseAnchor, formatAnchor, hashAt, checkAnchors } from './log-anchor.js';
export { type SignedCheckpoint, checkpointText, signCheckpoint, isSignedByKey } from './signed-checkpoint.js';
export { type SigningKey, readSigningKey, loadOrCreateSigningKey, publicKeyFromPem } from './signing-key.js';
export { CheckpointLog } from './checkpoint-log.js';
export { checkCheckpoints, verifyWithAnchors } from './verify-checkpoints.js';
