import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { ApiRequestError } from '../api/client';
import { meQuery, useMe } from './api/use-me';
import { LoginPage } from './login-page';

const isUnauthorized = (error: unknown) => error instanceof ApiRequestError && error.status === 401;

/** Shows the login page while nobody is logged in; any 401 from the API (a session that ended) brings it back. */
export function AuthGate({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { data, error, isPending } = useMe();

  useEffect(() => {
    // Only while someone is logged in: a 401 then means their session ended (expired, revoked, logged out elsewhere).
    const recheck = (e: unknown) => {
      if (isUnauthorized(e) && client.getQueryData(meQuery.queryKey)) void client.invalidateQueries({ queryKey: meQuery.queryKey });
    };
    const unsubscribeQueries = client.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.query.queryKey[0] !== 'auth') recheck(event.query.state.error);
    });
    const unsubscribeMutations = client.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.mutation?.options.mutationKey?.[0] !== 'auth') recheck(event.mutation?.state.error);
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [client]);

  if (isUnauthorized(error)) return <LoginPage />;
  if (isPending && !data) return <p className="auth-waiting">Connecting to Threadline…</p>;
  if (!data) return <p className="auth-waiting">Cannot check who you are yet (the server or its database is not answering); retrying…</p>;
  return <>{children}</>;
}
