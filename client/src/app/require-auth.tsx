/** Route guard: waits for `auth.me`, sends a logged-out visitor to the login page (and back afterwards). */
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { trpc } from '../lib/trpc.ts';
import { PATHS } from './workspaces.ts';
import { PageSpin } from '../components/ui/page-spin.tsx';
import { QueryError } from '../components/ui/query-error.tsx';

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useQuery(trpc.auth.me.queryOptions());
  const location = useLocation();
  if (me.isPending) return <PageSpin />;
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data.user) {
    return <Navigate to={PATHS.login} replace state={{ from: location.pathname + location.search }} />;
  }
  return children;
}
