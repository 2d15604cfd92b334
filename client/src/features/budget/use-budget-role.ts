/** Whether the logged-in user may change plans (the server's `budget` permission: admin, budget). */
import { useQuery } from '@tanstack/react-query';
import { trpc } from '../../lib/trpc.ts';

const EDIT_ROLES: ReadonlySet<string> = new Set(['admin', 'budget']);

export function useCanEditBudget(): boolean {
  const me = useQuery(trpc.auth.me.queryOptions());
  const role = me.data?.user?.role;
  return role !== undefined && EDIT_ROLES.has(role);
}
