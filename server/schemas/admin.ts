import { z } from 'zod';
import { ROLES } from '../db/schema.ts';
import { passwordField, usernameField } from './auth.ts';

const MAX_REGIONS_PER_USER = 1000;
const MAX_AUDIT_PAGE_SIZE = 200;
const MAX_AUDIT_PAGE = 1_000_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day, `YYYY-MM-DD`; 2026-02-30 is refused (Date would roll it over to March). */
const utcDay = z.string().regex(ISO_DAY, 'dates are YYYY-MM-DD (UTC)').refine((d) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}, 'not a calendar date');

/** Region codes the user may see; an empty list gives every region. */
const regionCodes = z.array(z.string().trim().min(1).max(32)).max(MAX_REGIONS_PER_USER).default([]);
const access = { role: z.enum(ROLES), regionCodes };

export const usernameInput = z.object({ username: usernameField });
export const createUserInput = z.object({ username: usernameField, password: passwordField, ...access });
export const resetPasswordInput = z.object({ username: usernameField, password: passwordField });
export const setAccessInput = z.object({ username: usernameField, ...access });

/** Filters of the audit log, shared by the paged list and the export route. Days are UTC and inclusive. */
export const auditFilterInput = z.object({
  username: usernameField.optional(),
  actionPrefix: z.string().trim().min(1).max(64).optional(),
  entity: z.string().trim().min(1).max(64).optional(),
  fromDate: utcDay.optional(),
  toDate: utcDay.optional(),
}).refine((f) => !f.fromDate || !f.toDate || f.fromDate <= f.toDate, { message: 'fromDate must not be after toDate', path: ['toDate'] });

export const auditListInput = z.object({
  page: z.number().int().min(1).max(MAX_AUDIT_PAGE).default(1),
  pageSize: z.number().int().min(1).max(MAX_AUDIT_PAGE_SIZE).default(50),
  filter: auditFilterInput.default({}),
});
