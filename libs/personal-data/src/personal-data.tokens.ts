/** Where the subjects' keys live (`SubjectKeyStore`). */
export const SUBJECT_KEY_STORE = Symbol('SUBJECT_KEY_STORE');

/** Seals and opens subjects' personal data under their keys (`SubjectVault`). */
export const SUBJECT_VAULT = Symbol('SUBJECT_VAULT');
