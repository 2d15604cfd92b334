/**
 * The HTTP path of tRPC queries sent by GET — what the client's httpBatchLink sends for queries,
 * one or a batch — in front of tRPC's express adapter.
 *
 * tRPC's adapter turns each request into a fetch `Request` and each answer into a fetch `Response`
 * (abort signals, web streams, a UTF-8 pass over the body) and serialises every answer anew. Under
 * the mixed load (test/bench/load.ts) that machinery and writing the same province-wide answers
 * (0.5–1 MB each) again and again were about a third of the server's time. Here a query's procedure
 * is called as tRPC calls it (its middlewares, input parsing and context included) and its answer
 * written as tRPC writes it — the same status, headers and body bytes — with one difference: an
 * answer the services memoise (answer-memo.ts `isMemoisedAnswer`: never changed once built) is
 * serialised once and its bytes kept while it lives.
 *
 * Only answers are written here. Anything else goes to tRPC's adapter untouched: another method, a
 * `trpc-accept` (streaming) header, a mutation or subscription, an unknown procedure, a batch over the
 * limit, input tRPC would refuse, an answer tRPC would refuse (a stream), and any call that fails:
 * tRPC then runs the request again and writes the error with its codes and shapes. A query changes
 * no data, so the second run fails as the first did; an internal error is logged by both runs.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { AnyTRPCProcedure, AnyTRPCRouter } from '@trpc/server';
import { isMemoisedAnswer } from '../services/answer-memo.ts';

export interface QueryLaneOptions {
  router: AnyTRPCRouter;
  createContext: (opts: { req: Request; res: Response }) => unknown;
  /** As given to tRPC's adapter: larger batches are tRPC's to refuse. */
  maxBatchSize: number;
}

interface PlannedCall {
  path: string;
  procedure: AnyTRPCProcedure;
  input: unknown;
}

/** The calls of a GET query request as tRPC would read them, or null when tRPC must handle it. */
function planCalls(
  req: Request, procedures: Record<string, AnyTRPCProcedure | undefined>, maxBatchSize: number, deserialize: (input: unknown) => unknown,
): { calls: PlannedCall[]; isBatch: boolean } | null {
  if (req.method !== 'GET' || req.headers['trpc-accept'] !== undefined) return null;
  const q = req.url.indexOf('?');
  const search = new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
  // the adapter's path: the last segment, URL-decoded; a batch names its procedures separated by commas
  const rawPath = req.path.slice(req.path.lastIndexOf('/') + 1);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  const isBatch = search.get('batch') === '1';
  const paths = isBatch ? path.split(',') : [path];
  if (paths.length > maxBatchSize) return null;
  const rawInput = search.get('input');
  let inputs: unknown;
  try {
    inputs = rawInput ? JSON.parse(rawInput) : undefined;
  } catch {
    return null;
  }
  if (isBatch && inputs !== undefined && (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs))) return null;
  const calls: PlannedCall[] = [];
  for (const [index, name] of paths.entries()) {
    const procedure = Object.hasOwn(procedures, name) ? procedures[name] : undefined;
    if (!procedure || procedure._def.type !== 'query') return null;
    const raw = inputs === undefined ? undefined : isBatch ? (inputs as Record<number, unknown>)[index] : inputs;
    calls.push({ path: name, procedure, input: raw === undefined ? undefined : deserialize(raw) });
  }
  return { calls, isBatch };
}

const isRecord = (v: unknown): v is object => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAsyncIterable = (v: unknown) => isRecord(v) && Symbol.asyncIterator in v;
const isThenable = (v: unknown) => (isRecord(v) || typeof v === 'function')
  && typeof (v as { then?: unknown }).then === 'function' && typeof (v as { catch?: unknown }).catch === 'function';

/** tRPC refuses stream-like answers (async iterables, objects holding promises or them) outside streaming requests. */
function isStreamLike(data: unknown): boolean {
  if (!isRecord(data)) return false;
  return isAsyncIterable(data) || Object.values(data).some((v) => isThenable(v) || isAsyncIterable(v));
}

/** One call's answer as tRPC writes it: `{"result":{"data":<transformed answer>}}`, as UTF-8. */
const itemBytes = (serialized: unknown) => Buffer.from(`{"result":{"data":${JSON.stringify(serialized)}}}`);

const keptBytes = new WeakMap<object, Buffer>();
const [OPEN, COMMA, CLOSE] = ['[', ',', ']'].map((s) => Buffer.from(s)) as [Buffer, Buffer, Buffer];

export function queryLane({ router, createContext, maxBatchSize }: QueryLaneOptions): RequestHandler {
  const procedures = router._def.procedures as Record<string, AnyTRPCProcedure | undefined>;
  const { transformer } = router._def._config;
  const bytesOf = (data: unknown): Buffer => {
    if (!isMemoisedAnswer(data)) return itemBytes(transformer.output.serialize(data));
    let bytes = keptBytes.get(data);
    if (!bytes) keptBytes.set(data, (bytes = itemBytes(transformer.output.serialize(data))));
    return bytes;
  };

  /** Runs the calls and writes the answer; false (nothing written) when tRPC must take the request. */
  const answer = async (req: Request, res: Response, calls: readonly PlannedCall[], isBatch: boolean): Promise<boolean> => {
    const ctx = await createContext({ req, res });
    const items: Buffer[] = [];
    for (const [batchIndex, call] of calls.entries()) {
      const data = await call.procedure({ path: call.path, getRawInput: async () => call.input, ctx, type: 'query', signal: undefined, batchIndex });
      if (isStreamLike(data)) return false;
      items.push(bytesOf(data));
    }
    const body = isBatch ? Buffer.concat([OPEN, ...items.flatMap((item, i) => (i === 0 ? [item] : [COMMA, item])), CLOSE]) : items[0] as Buffer;
    res.statusCode = 200;
    res.setHeader('vary', 'trpc-accept, accept');
    res.setHeader('content-type', 'application/json');
    // known in full, so sent with its length (compression drops it when it compresses)
    res.setHeader('content-length', body.length);
    res.end(body);
    return true;
  };

  return (req, res, next) => {
    let planned: ReturnType<typeof planCalls>;
    try {
      planned = planCalls(req, procedures, maxBatchSize, (input) => transformer.input.deserialize(input));
    } catch {
      // input superjson cannot read: tRPC's error to write
      planned = null;
    }
    if (!planned) return next();
    answer(req, res, planned.calls, planned.isBatch).then((written) => {
      if (!written) next();
    }, () => next());
  };
}
