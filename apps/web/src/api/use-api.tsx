import { type DependencyList, type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useSession } from '../auth/session';
import { useTimeMachine } from '../time-machine';
import { ApiClient, type Query } from './client';

const Context = createContext<ApiClient | null>(null);

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
  return <Context.Provider value={client}>{children}</Context.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(Context);
  if (!client) throw new Error('useApi outside ApiProvider');
  return client;
}

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

/** A query answered as of the time machine's moment; asked again when that moment or `deps` change. */
export function useQuery<T>(path: string | null, query: Query = {}, deps: DependencyList = []): QueryState<T> {
  const api = useApi();
  const { asOf } = useTimeMachine();
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: path !== null });
  const [round, setRound] = useState(0);
  const key = JSON.stringify([path, query]);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setState((s) => ({ data: s.data, loading: true }));
    api.get<T>(path, query).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [api, key, asOf, round, ...deps]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}
