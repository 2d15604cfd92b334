import type { RouterOutputs } from './lib/trpc.ts';
type R = RouterOutputs['fund']['overview']['rows'][number];
const x: R['tier'] = 'bogus';
type I = RouterOutputs['importer']['preview'];
const y: I['unit'] = 'bogus';
export { x, y };
