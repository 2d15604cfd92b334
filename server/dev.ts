/** `npm run dev`: the API with the Vite dev server as middleware (hot reload of the client). */
import { resolve } from 'node:path';
import { createServer as createViteServer } from 'vite';
import { loadConfig } from './env.ts';
import { createApp } from './app.ts';
import { prepareDatabase, ROOT_DIR } from './services/startup.ts';
import { logger } from './logger.ts';

const config = loadConfig();
const { db, demo } = await prepareDatabase(config.database, config.loadDemo);
const app = createApp({ db, demo, clientDir: null, trustProxy: config.trustProxy });
const vite = await createViteServer({ configFile: resolve(ROOT_DIR, 'vite.config.ts'), server: { middlewareMode: true } });
app.use(vite.middlewares);
app.listen(config.port, config.host, () => logger.info(`fundrisk dev server on http://${config.host}:${config.port}`));
