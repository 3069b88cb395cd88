/**
 * Production sign-in: the authorization-code flow with PKCE against AUTH_ISSUER, by
 * oidc-client-ts (loaded only when used, so the embedded default's pages stay small).
 */
import type { SignInConfig } from '../api/types';

/** The api's sign-in settings when it names a provider (AUTH_ISSUER set): then every field is given. */
export type OidcConfig = Required<SignInConfig> & { mode: 'oidc' };

async function userManager(config: OidcConfig) {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${window.location.origin}/logga-in/klar`,
    post_logout_redirect_uri: `${window.location.origin}/logga-in`,
    response_type: 'code',
    scope: config.scope,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

export async function startOidcSignIn(config: OidcConfig): Promise<void> {
  await (await userManager(config)).signinRedirect();
}

/** On the redirect back: exchanges the code (with the PKCE verifier) for the access token. */
export async function finishOidcSignIn(config: OidcConfig): Promise<string> {
  const user = await (await userManager(config)).signinRedirectCallback();
  return user.access_token;
}
