import { type ReactNode, createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { Principal, Role } from '../api/types';

/** Who is signed in: the bearer token and the claims in it (sub, name, roles, org). */
export interface Session {
  token: string;
  user: Principal;
}

interface SessionContext {
  session: Session | undefined;
  /** Why the user was signed out, to show on the sign-in page. */
  notice: string | undefined;
  signIn(token: string): void;
  signOut(notice?: string): void;
}

const KEY = 'lagesbild.session';
const Context = createContext<SessionContext | null>(null);

/** The claims of a JWT, unverified: the api verifies every call; the UI only reads who it shows. */
function principalOf(token: string): (Principal & { exp?: number }) | undefined {
  try {
    const payload = JSON.parse(decodeURIComponent(escape(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))))) as {
      sub?: string;
      name?: string;
      roles?: Role[];
      org?: string;
      exp?: number;
    };
    if (!payload.sub || !payload.org || !Array.isArray(payload.roles)) return undefined;
    return { id: payload.sub, name: payload.name ?? payload.sub, roles: payload.roles, org: payload.org, exp: payload.exp };
  } catch {
    return undefined;
  }
}

function stored(): Session | undefined {
  const token = sessionStorage.getItem(KEY);
  const user = token ? principalOf(token) : undefined;
  if (!token || !user || (user.exp !== undefined && user.exp * 1000 < Date.now())) return undefined;
  return { token, user };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(stored);
  const [notice, setNotice] = useState<string>();
  const signIn = useCallback((token: string) => {
    const user = principalOf(token);
    if (!user) throw new Error('The token carries no user');
    sessionStorage.setItem(KEY, token);
    setNotice(undefined);
    setSession({ token, user });
  }, []);
  const signOut = useCallback((why?: string) => {
    sessionStorage.removeItem(KEY);
    setNotice(why);
    setSession(undefined);
  }, []);
  const value = useMemo(() => ({ session, notice, signIn, signOut }), [session, notice, signIn, signOut]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const context = useContext(Context);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

export const hasRole = (user: Principal, role: Role): boolean => user.roles.includes(role);
