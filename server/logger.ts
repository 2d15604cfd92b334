/** JSON logs (pino). Never log passwords, tokens or cookies: they are redacted here too. */
import { pino } from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  redact: ['req.headers.cookie', 'password', '*.password', 'token', '*.token'],
});

export type Logger = typeof logger;
