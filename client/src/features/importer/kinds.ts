/**
 * Which import kinds each workspace offers, and who may import them. The server decides
 * (FORBIDDEN); this mirror of server/auth/permissions.ts only avoids offering a button that
 * would be refused.
 */
export type ImportKind = 'regions' | 'fund_records' | 'institutions' | 'institution_years' | 'violations';
export type ImportGroup = 'fund' | 'institution';

export const IMPORT_KINDS: Readonly<Record<ImportGroup, readonly ImportKind[]>> = {
  fund: ['fund_records', 'regions'],
  institution: ['institutions', 'institution_years', 'violations'],
};

const IMPORTERS: Readonly<Record<ImportGroup, readonly string[]>> = {
  fund: ['admin', 'actuary'],
  institution: ['admin', 'actuary', 'budget'],
};

export function mayImport(role: string | undefined, group: ImportGroup): boolean {
  return role !== undefined && IMPORTERS[group].includes(role);
}

/** Kinds that carry money amounts (the unit applies to them). */
export const MONEY_KINDS: ReadonlySet<ImportKind> = new Set(['fund_records', 'institution_years', 'violations']);
