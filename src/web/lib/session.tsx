// Who is logged in. The CSRF token comes with the session (login or GET /api/session after a
// reload) and goes on every change; a 401 later on (idle timeout) drops the session, and the app
// shows the login screen, keeping the path so the user returns where they were.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler } from './api.ts';
import { type Action, permits } from './can.ts';
import type { SessionInfo } from './types.ts';

interface SessionState {
  /** undefined while the first GET /api/session is in flight. */
  readonly session: SessionInfo | null | undefined;
  readonly login: (username: string, password: string) => Promise<void>;
  readonly logout: () => Promise<void>;
  readonly expired: boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [expired, setExpired] = useState(false);
  const accept = useCallback((s: SessionInfo | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setSession(s);
  }, []);
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setExpired(true);
      accept(null);
    });
    // No session (401) and no server at all both mean: show the login screen.
    api<SessionInfo>('GET', '/api/session').then(accept, () => accept(null));
    return () => setUnauthorizedHandler(null);
  }, [accept]);
  const login = useCallback(
    async (username: string, password: string) => {
      accept(await api<SessionInfo>('POST', '/api/session', { username, password }));
      setExpired(false);
    },
    [accept],
  );
  const logout = useCallback(async () => {
    try {
      await api('DELETE', '/api/session');
    } finally {
      accept(null);
    }
  }, [accept]);
  const value = useMemo(() => ({ session, login, logout, expired }), [session, login, logout, expired]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The roles of the logged-in user, for showing only the actions they may take (the server decides). */
export function useRoles(): ReadonlySet<string> {
  const { session } = useSession();
  return useMemo(() => new Set(session?.user.roles.map((r) => r.role) ?? []), [session]);
}

/** Whether to offer an action to the logged-in user (the server decides the call itself). */
export function useCan(): (action: Action) => boolean {
  const roles = useRoles();
  return useCallback((action: Action) => permits(roles, action), [roles]);
}
