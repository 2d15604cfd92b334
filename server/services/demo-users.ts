/**
 * The demo accounts, one per role, created only together with the demo data set. Their
 * passwords are public (README) and the UI shows a demo banner; a database created without
 * demo data has no default account at all.
 */
import type { Role } from '../db/schema.ts';

export const DEMO_USERS: ReadonlyArray<{ username: string; password: string; role: Role }> = [
  { username: 'admin', password: 'demo-admin-2026', role: 'admin' },
  { username: 'actuary', password: 'demo-actuary-2026', role: 'actuary' },
  { username: 'budget', password: 'demo-budget-2026', role: 'budget' },
  { username: 'leader', password: 'demo-leader-2026', role: 'leader' },
  { username: 'viewer', password: 'demo-viewer-2026', role: 'viewer' },
];
