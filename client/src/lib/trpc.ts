/**
 * The tRPC client (superjson, session cookie) and the one QueryClient of the app. Only the
 * router's type comes from the server; all figures are computed there.
 *
 * A 401 from any procedure other than `auth.login` means the session ended: the cached
 * `auth.me` is set to logged-out, and the route guard sends the user to the login page.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import superjson from 'superjson';
import type { AppRouter } from '../../../server/routers/_app.ts';
import { isTransient, isUnauthorized } from './errors.ts';

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

const STALE_MS = 30_000;

function onApiError(error: unknown, path: string | undefined): void {
  if (path === 'auth.login' || !isUnauthorized(error)) return;
  queryClient.setQueryData(trpc.auth.me.queryKey(), (prev) => (prev ? { ...prev, user: null } : { user: null, demo: false }));
}

function pathOfKey(key: readonly unknown[] | undefined): string | undefined {
  const first = key?.[0];
  return Array.isArray(first) ? first.join('.') : undefined;
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error, query) => onApiError(error, pathOfKey(query.queryKey)) }),
  mutationCache: new MutationCache({ onError: (error, _v, _c, mutation) => onApiError(error, pathOfKey(mutation.options.mutationKey)) }),
  defaultOptions: {
    queries: {
      staleTime: STALE_MS,
      refetchOnWindowFocus: false,
      // Only transient failures are retried: a refusal or a missing record will not change.
      retry: (count, error) => isTransient(error) && count < 2,
    },
  },
});

/**
 * Subscriptions (the progress of a long Monte Carlo run) go over server-sent events: a GET to
 * `/trpc` carrying the session cookie, so the write guard and the CSP (`connect-src 'self'`) let it
 * through; everything else is batched as before.
 */
export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url: '/trpc', transformer: superjson, eventSourceOptions: { withCredentials: true } }),
      false: httpBatchLink({
        url: '/trpc',
        transformer: superjson,
        fetch: (url, options) => fetch(url, { ...(options as RequestInit), credentials: 'include' }),
      }),
    }),
  ],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
