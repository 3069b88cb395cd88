import { useEffect, useState } from 'react';
import { describeError } from '../api/client';
import type { Principal, SignInConfig } from '../api/types';
import { useApi } from '../api/use-api';
import { useApiQuery } from '../api/use-api-query';
import { type OidcConfig, finishOidcSignIn, startOidcSignIn } from '../auth/oidc';
import { useSession } from '../auth/session';
import { ErrorMessage, Page } from '../components/page';
import { ROLE_LABELS } from '../format';
import { useRouter } from '../router';

/** The api's sign-in settings, narrowed by their mode. */
type SignInChoice = (SignInConfig & { mode: 'embedded' }) | OidcConfig;

/** Embedded default: pick a demo user. Production: the OIDC provider's sign-in (code flow with PKCE). */
export function SignInPage() {
  const api = useApi();
  const { signIn, notice } = useSession();
  const { path, navigate } = useRouter();
  const configQuery = useApiQuery('/auth/config');
  // With a provider (mode oidc) the api gives all of its settings.
  const config = configQuery.data as SignInChoice | undefined;
  const usersQuery = useApiQuery(config?.mode === 'embedded' ? '/demo-users' : null);
  const users = usersQuery.data?.items;
  const [signInError, setError] = useState<unknown>();
  const error = signInError ?? configQuery.error ?? usersQuery.error;

  useEffect(() => {
    if (config?.mode === 'oidc' && path === '/logga-in/klar') {
      finishOidcSignIn(config).then(
        (token) => {
          signIn(token);
          navigate('/', { replace: true });
        },
        setError,
      );
    }
  }, [config, path, signIn, navigate]);

  const asDemoUser = async (user: Principal) => {
    try {
      const { token } = await api.send('POST', `/demo-users/${encodeURIComponent(user.id)}/token`, {});
      signIn(token);
      navigate('/', { replace: true });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <main id="main" className="sign-in">
      <Page title="Logga in">
        <p>Lägesbild: månatlig lägesbild om sociala risker, brottsförebyggande arbete, våldsbejakande extremism och ANDT.</p>
        {notice && (
          <p className="notice" role="alert">
            {notice}
          </p>
        )}
        {error && <ErrorMessage error={error} />}
        {config?.mode === 'oidc' && (
          <p>
            <button type="button" className="primary" onClick={() => startOidcSignIn(config).catch((e: unknown) => setError(new Error(describeError(e))))}>
              Logga in med din organisations konto
            </button>
          </p>
        )}
        {config?.mode === 'embedded' && (
          <>
            <p>Demoinstallation: välj en användare. Varje roll ser bara det som rollen och organisationen får se.</p>
            {users ? (
              <ul className="demo-users">
                {users.map((user) => (
                  <li key={user.id}>
                    <button type="button" onClick={() => void asDemoUser(user)}>
                      <span className="name">{user.name}</span>
                      <span className="role">
                        {user.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')} · {user.org}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p role="status">Hämtar användare…</p>
            )}
          </>
        )}
      </Page>
    </main>
  );
}
