/** Reading tRPC errors on the client: the code decides between "log in again" and "no permission". */
import { TRPCClientError } from '@trpc/client';

export type ApiErrorCode = 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_REQUEST' | 'TOO_MANY_REQUESTS' | string;

/** The tRPC error code of an error, or undefined for network and other errors. */
export function apiErrorCode(error: unknown): ApiErrorCode | undefined {
  if (error instanceof TRPCClientError) {
    const data = (error as TRPCClientError<never>).data as { code?: string } | undefined | null;
    return data?.code;
  }
  return undefined;
}

export function isUnauthorized(error: unknown): boolean {
  return apiErrorCode(error) === 'UNAUTHORIZED';
}

export function isForbidden(error: unknown): boolean {
  return apiErrorCode(error) === 'FORBIDDEN';
}

/** Network failures and server errors may pass on retry; client errors (4xx codes) will not. */
export function isTransient(error: unknown): boolean {
  const code = apiErrorCode(error);
  return code === undefined || code === 'INTERNAL_SERVER_ERROR' || code === 'TIMEOUT';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
