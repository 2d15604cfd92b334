#!/usr/bin/env node
// Entry point of `npx fundrisk`: loads the TypeScript CLI through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
