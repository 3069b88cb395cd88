import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, createContext, useContext, useMemo, useRef } from 'react';
import { useSession } from '../auth/session';
import { useTimeMachine } from '../time-machine';
import { ApiClient } from './client';

const Context = createContext<ApiClient | null>(null);

/** A query is asked when a page needs it: no retries (an error is shown as it came), no asking again on focus. */
function newQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false } } });
}

/** The api client and the query cache for everything inside. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { session, signOut } = useSession();
  const { asOf } = useTimeMachine();
  // The client reads the latest token and moment at each call.
  const latest = useRef({ token: session?.token, asOf });
  latest.current = { token: session?.token, asOf };
  const client = useMemo(
    () =>
      new ApiClient({
        token: () => latest.current.token,
        asOf: () => latest.current.asOf,
        onUnauthenticated: () => signOut('Din inloggning har gått ut eller godtogs inte. Logga in igen.'),
      }),
    [signOut],
  );
  // One cache per sign-in: what one user was allowed to read is never shown to the next.
  const queryClient = useMemo(newQueryClient, [session?.token]);
  return (
    <Context.Provider value={client}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </Context.Provider>
  );
}

export function useApi(): ApiClient {
  const client = useContext(Context);
  if (!client) throw new Error('useApi outside ApiProvider');
  return client;
}
