/** Injection tokens of the api's auth and reference ports. */
export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');
export const ORG_UNITS = Symbol('ORG_UNITS');
