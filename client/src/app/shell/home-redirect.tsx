import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { trpc } from '../../lib/trpc.ts';
import { homePath, PATHS } from '../workspaces.ts';

/** `/` → the workspace of the user's role. */
export function HomeRedirect() {
  const me = useQuery(trpc.auth.me.queryOptions());
  const user = me.data?.user;
  return <Navigate to={user ? homePath(user.role) : PATHS.login} replace />;
}
