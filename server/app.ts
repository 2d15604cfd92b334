/** Builds the express app (no port: tests mount it directly). */
import express, { type Express } from 'express';
import compression from 'compression';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import type { Db } from './db/client.ts';
import { appRouter } from './routers/_app.ts';
import { makeExpressContext } from './trpc/context.ts';
import { queryLane } from './trpc/query-lane.ts';
import { errorResponder, refuseDeepJson, securityHeaders, trpcWriteGuard } from './http/security.ts';
import { exportHandler } from './http/export-route.ts';
import { budgetExportHandler } from './http/budget-export-route.ts';
import { auditExportHandler } from './http/audit-export-route.ts';
import { projectionExportHandler } from './http/projection-export-route.ts';
import { forecastExportHandler } from './http/forecast-export-route.ts';
import { reportHandler } from './http/report-route.ts';
import { logger } from './logger.ts';
import type { TrustProxy } from './env.ts';

/** JSON bodies carry base64 uploads (see schemas/importer.ts). */
const JSON_BODY_LIMIT = '30mb';
const MAX_BATCH_SIZE = 20;

export interface AppOptions {
  db: Db;
  demo: boolean;
  /** Folder with the built client; served with an SPA fallback when present. */
  clientDir?: string | null;
  /**
   * The reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (`FUNDRISK_TRUST_PROXY`);
   * none by default. `req.ip` (the login throttle's and the audit's address) and `req.secure` (the
   * session cookie's `Secure`, the CSP's `upgrade-insecure-requests`) follow it.
   */
  trustProxy?: TrustProxy;
}

export function createApp({ db, demo, clientDir, trustProxy = false }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy);
  app.use(securityHeaders());
  app.use(compression());
  const createContext = makeExpressContext(db, demo);

  app.get('/healthz', (_req, res) => void res.json({ ok: true }));
  // GET queries first: the same answers without tRPC's fetch adapter, memoised ones from their kept bytes (trpc/query-lane.ts)
  app.use('/trpc', trpcWriteGuard, queryLane({ router: appRouter, createContext, maxBatchSize: MAX_BATCH_SIZE }), express.json({ limit: JSON_BODY_LIMIT, verify: refuseDeepJson }), createExpressMiddleware({
    router: appRouter,
    createContext,
    maxBatchSize: MAX_BATCH_SIZE,
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error, path }, 'trpc error');
    },
  }));
  app.get('/api/export/:table', exportHandler(createContext));
  app.get('/api/budget/:planId/export/:table', budgetExportHandler(createContext));
  app.get('/api/audit/export', auditExportHandler(createContext));
  app.get('/api/export/projection-runs/:runId', projectionExportHandler(createContext));
  app.get('/api/forecast/export', forecastExportHandler(createContext));
  app.get('/api/report/:kind', reportHandler(createContext));

  if (clientDir && existsSync(resolve(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get('/{*splat}', (_req, res) => res.sendFile(resolve(clientDir, 'index.html')));
  }
  app.use(errorResponder);
  return app;
}
