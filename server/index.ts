/** `npm start`: prepare the database and client, then listen on HOST:PORT. */
import { loadConfig } from './env.ts';
import { createApp } from './app.ts';
import { prepareDatabase, ensureClientBuilt } from './services/startup.ts';
import { logger } from './logger.ts';
import { closeProjectionPool } from './workers/projection-pool.ts';

const config = loadConfig();
const { db, demo } = await prepareDatabase(config.databasePath, config.loadDemo);
const clientDir = await ensureClientBuilt();
const app = createApp({ db, demo, clientDir, trustProxy: config.trustProxy });
const server = app.listen(config.port, config.host, () => {
  logger.info({ url: `http://${config.host}:${config.port}`, db: config.databasePath, demo }, 'fundrisk is ready');
});

function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  server.close(() => {
    void closeProjectionPool().finally(() => {
      db.$client.close();
      process.exit(0);
    });
  });
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
