/**
 * The server's refusals are English sentences (they also serve the CLI and the logs). Those a
 * user can cause from a form are shown in the UI language; anything else is shown as sent.
 */
import type { TFunction } from 'i18next';
import { errorMessage } from './errors.ts';

const KNOWN: ReadonlyArray<readonly [RegExp, string]> = [
  [/^password must have at least/, 'auth:policy.tooShort'],
  [/^password must have at most/, 'auth:policy.tooLong'],
  [/^password is too common/, 'auth:policy.common'],
  [/^password must not contain the username/, 'auth:policy.containsUsername'],
  [/^current password is wrong/, 'auth:policy.currentWrong'],
  [/^too many failed/, 'auth:policy.throttled'],
  [/^invalid two-factor code/, 'auth:invalidTotp'],
  [/is the last active admin/, 'admin:errors.lastAdmin'],
  [/^user ".*" already exists/, 'admin:errors.exists'],
  [/^unknown region code "(.*)"/, 'admin:errors.unknownRegion'],
  [/^username ".*" must be/, 'admin:errors.username'],
];

/** The message of an API error in the UI language when it is a known refusal. */
export function serverMessage(error: unknown, t: TFunction): string {
  const text = errorMessage(error);
  for (const [pattern, key] of KNOWN) {
    const match = pattern.exec(text);
    if (match) return t(key, { code: match[1] });
  }
  return text;
}
