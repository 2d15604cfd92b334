/** Errors that services raise on purpose; `trpc/init.ts` maps their code to the client. */
export type DomainErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UNAUTHORIZED' | 'TOO_MANY_REQUESTS';

export class DomainError extends Error {
  constructor(readonly code: DomainErrorCode, message: string) {
    super(message);
  }
}
