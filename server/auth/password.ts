/**
 * Password hashing with argon2id (OWASP parameters: m = 19 MiB, t = 2, p = 1) and a blocklist
 * check; no composition rules (NIST SP 800-63B §3.1.1.2, OWASP ASVS 5.0 §6.2 level 2).
 *
 * The blocklist is the ranked `passwords-common` list of @zxcvbn-ts/language-common (about 49 000
 * entries from public breach corpora), plus entries common in Chinese breach data that it lacks
 * and context words of this service. It is compared case-insensitively after NFKC normalisation.
 *
 * @see NIST SP 800-63B, Digital Identity Guidelines: Authentication and Lifecycle Management (2017, rev. 2020), §5.1.1.2.
 * @see Z. Li, W. Han, W. Xu, "A Large-Scale Empirical Analysis of Chinese Web Passwords", USENIX Security 2014
 *      (the CSDN top list: dearbook, 00000000, 123123123, 88888888, 987654321, …; pinyin woaini, 5201314).
 */
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, so spelled out here). */
const ARGON2ID = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
/** Usernames shorter than this are too likely to occur by chance inside a passphrase to be refused. */
const MIN_USERNAME_CHECK_LENGTH = 4;

/** In the Chinese breach top lists (Li, Han & Xu 2014) but not in zxcvbn's list, and this service's own words. */
const SUPPLEMENT = [
  'dearbook', 'xiazhili', '00000000', '000000000', '0000000000', '0123456789', '123123123', '111111111', '1111111111',
  '12121212', '12341234', '110110110', '987654321', '87654321', 'asdasdasd', 'qqqqqqqq', '88888888', '66666666',
  'woaini1314', 'woaini520', '5201314520', '1314520520', '520520520',
  'fundrisk', 'fundrisk2026', 'yibao123', 'yibaoju123',
];

const normalise = (text: string) => text.normalize('NFKC').toLowerCase();

/** Only entries that pass the length rule can matter; the shorter ones are not kept in memory. */
const BLOCKLIST: ReadonlySet<string> = new Set(
  [...dictionary['passwords-common'], ...SUPPLEMENT].map(normalise).filter((p) => [...p].length >= MIN_PASSWORD_LENGTH),
);

/** Whether the password is on the blocklist or is one character repeated (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  const p = normalise(password);
  return BLOCKLIST.has(p) || new Set(p).size === 1;
}

/**
 * Length counts Unicode code points (a 汉字 or an emoji is one character), as SP 800-63B asks.
 * @throws Error `password must have at least 8 characters`, `password must have at most 128 characters`,
 *   `password is too common; choose another`, `password must not contain the username`.
 */
export function checkPasswordPolicy(password: string, context: { username?: string } = {}): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) throw new Error(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (length > MAX_PASSWORD_LENGTH) throw new Error(`password must have at most ${MAX_PASSWORD_LENGTH} characters`);
  if (isCommonPassword(password)) throw new Error('password is too common; choose another');
  const username = context.username === undefined ? '' : normalise(context.username);
  if (username.length >= MIN_USERNAME_CHECK_LENGTH && normalise(password).includes(username)) {
    throw new Error('password must not contain the username');
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
