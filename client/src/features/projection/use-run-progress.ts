/**
 * The progress of one Monte Carlo run, from the `projection.progress` subscription (server-sent
 * events): updates until the run is done, failed or cancelled; `onFinished` is called once then.
 */
import { useEffect, useRef, useState } from 'react';
import { skipToken } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { trpc, type RouterOutputs } from '../../lib/trpc.ts';
import { isFinished } from './run-selection.ts';

export type RunProgress = RouterOutputs['projection']['progress'] extends AsyncIterable<infer U> ? U : never;

export function useRunProgress(runId: number | undefined, onFinished: (update: RunProgress) => void) {
  const [last, setLast] = useState<RunProgress>();
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);
  const subscription = useSubscription(trpc.projection.progress.subscriptionOptions(runId === undefined ? skipToken : { runId }, {
    onData: (update) => {
      setLast(update);
      if (isFinished(update.status)) finished.current(update);
    },
  }));
  return { progress: last !== undefined && last.runId === runId ? last : undefined, error: subscription.error };
}
