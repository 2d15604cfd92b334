/**
 * Every audit action the server writes (server/services/audit-actions.ts) has a label on the
 * audit page in both languages, and the list is the server's: a scan of the server sources finds
 * exactly the actions in it, so an action added without a list entry (or a label) fails here.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import zhAdmin from '../../client/src/locales/zh-CN/admin.json';
import enAdmin from '../../client/src/locales/en/admin.json';
import { AUDIT_ACTIONS } from '../../server/services/audit-actions.ts';
import { REPORT_AUDIT_ACTION } from '../../server/services/warning-cache.ts';
import { ACTION_PREFIXES, AUDIT_ENTITIES } from '../../client/src/features/admin/audit-vocabulary.ts';

const SERVER_DIR = resolve(import.meta.dirname, '../../server');
const CJK = /[\u4e00-\u9fff]/;
/** The audit page's label key: i18next reads dots as nesting, so admin.json spells them as underscores. */
const labelKey = (action: string) => action.replaceAll('.', '_');
const LABELS: Record<string, Record<string, string>> = { 'zh-CN': zhAdmin.action, en: enAdmin.action };

function serverSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return serverSources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * The actions written by the server files that call `appendAudit`, in the shapes they are written in: an `action:`
 * property with a literal, a template (`import.${kind}` gives the family `import.`) or a named
 * constant, and login.ts's and parameter-edits.ts's wrappers that take the action as an argument.
 */
/** The `entity:` literals of the server files that call `appendAudit`. */
function writtenEntities(): Set<string> {
  const entities = new Set<string>();
  for (const file of serverSources(SERVER_DIR)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('appendAudit(')) continue;
    for (const m of text.matchAll(/\bentity: '([^']+)'/g)) entities.add(m[1] as string);
  }
  return entities;
}

function writtenActions(): { literals: Set<string>; families: Set<string> } {
  const constants: Record<string, string> = { REPORT_AUDIT_ACTION };
  const literals = new Set<string>();
  const families = new Set<string>();
  for (const file of serverSources(SERVER_DIR)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('appendAudit(')) continue;
    for (const m of text.matchAll(/\baction: '([^']+)'/g)) literals.add(m[1] as string);
    for (const m of text.matchAll(/\baction: `([^`$]+)\$\{[^}]+\}`/g)) families.add(m[1] as string);
    for (const m of text.matchAll(/\baction: ([A-Z][A-Z_]+)\b/g)) literals.add(constants[m[1] as string] ?? `unknown constant ${m[1]}`);
    for (const m of text.matchAll(/\baudit\('([^']+)'/g)) literals.add(m[1] as string);
    for (const m of text.matchAll(/\bwriteVersion\([^)]*?'([a-z_.]+)',/g)) literals.add(m[1] as string);
  }
  return { literals, families };
}

describe('audit actions', () => {
  it('the list holds each action once', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });

  it('is exactly what the server writes', () => {
    const { literals, families } = writtenActions();
    const listed = new Set<string>(AUDIT_ACTIONS);
    const fromFamilies = AUDIT_ACTIONS.filter((a) => [...families].some((f) => a.startsWith(f)));
    expect([...literals].filter((a) => !listed.has(a))).toEqual([]);
    expect([...families].filter((f) => !AUDIT_ACTIONS.some((a) => a.startsWith(f)))).toEqual([]);
    expect(AUDIT_ACTIONS.filter((a) => !literals.has(a) && !fromFamilies.includes(a))).toEqual([]);
    // the parameter edits were the ones the audit page showed raw
    expect([...literals]).toEqual(expect.arrayContaining(['parameters.version', 'parameters.override']));
    expect([...families].sort()).toEqual(['agreement.', 'import.']);
  });

  it.each(Object.keys(LABELS))('has a %s label for every action, in that language', (lang) => {
    const labels = LABELS[lang] as Record<string, string>;
    const missing = AUDIT_ACTIONS.filter((a) => !labels[labelKey(a)]?.trim());
    expect(missing).toEqual([]);
    const wrongScript = AUDIT_ACTIONS.filter((a) => CJK.test(labels[labelKey(a)] as string) !== (lang === 'zh-CN'));
    expect(wrongScript).toEqual([]);
  });

  it('has no label for an action the server does not write', () => {
    const keys = new Set(AUDIT_ACTIONS.map(labelKey));
    for (const labels of Object.values(LABELS)) expect(Object.keys(labels).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('the audit filters offer a prefix of every action and every entity the server names', () => {
    expect(AUDIT_ACTIONS.filter((a) => !ACTION_PREFIXES.some((p) => a.startsWith(p)))).toEqual([]);
    expect(ACTION_PREFIXES.filter((p) => !AUDIT_ACTIONS.some((a) => a.startsWith(p)))).toEqual([]);
    const offered = new Set<string>(AUDIT_ENTITIES);
    expect([...writtenEntities()].filter((e) => !offered.has(e)).sort()).toEqual([]);
  });
});
