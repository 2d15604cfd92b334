/** `npm start`: prepare the database and client, then listen on HOST:PORT. */
import { loadConfig } from './env.ts';
import { createApp } from './app.ts';
import { prepareDatabase, ensureClientBuilt } from './services/startup.ts';
import { logger } from './logger.ts';
import { closeDatabase } from './db/client.ts';
import { describeTarget } from './db/target.ts';
import { closeProjectionPool } from './workers/projection-pool.ts';
import { failOrphanedRuns, RUN_STALE_MS } from './services/projection-runs.ts';

const config = loadConfig();
const { db, demo } = await prepareDatabase(config.database, config.loadDemo);
const clientDir = await ensureClientBuilt();
const app = createApp({ db, demo, clientDir, trustProxy: config.trustProxy });
const server = app.listen(config.port, config.host, () => {
  logger.info({ url: `http://${config.host}:${config.port}`, db: describeTarget(config.database), demo }, 'fundrisk is ready');
});

// runs of another app server that stopped (several servers on one PostgreSQL database)
const sweep = setInterval(() => {
  failOrphanedRuns(db).then(
    (n) => { if (n > 0) logger.warn({ orphaned: n }, 'projection runs whose server stopped marked failed'); },
    (err: unknown) => logger.warn({ err }, 'orphaned projection runs not checked'),
  );
}, RUN_STALE_MS);

function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  clearInterval(sweep);
  server.close(() => {
    void closeProjectionPool()
      .finally(() => closeDatabase(db))
      .finally(() => process.exit(0));
  });
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
