/**
 * Password hashing with argon2id (OWASP parameters: m = 19 MiB, t = 2, p = 1) and a check
 * against a short list of the most common passwords; no composition rules (NIST SP 800-63B).
 */
import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, so spelled out here). */
const ARGON2ID = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 128;
const COMMON_PASSWORDS = new Set([
  'password', 'password1', '12345678', '123456789', '1234567890', 'qwertyui', 'qwerty123', '11111111',
  '00000000', 'iloveyou', 'admin123', 'abc12345', 'a1234567', 'passw0rd', 'welcome1', '88888888',
  '66666666', '12341234', 'woaini1314', '1qaz2wsx', 'qwertyuiop', 'administrator', 'fundrisk',
]);

/** @throws Error with a user-facing reason when the password is unacceptable. */
export function checkPasswordPolicy(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new Error(`password must have at most ${MAX_PASSWORD_LENGTH} characters`);
  if (COMMON_PASSWORDS.has(password.toLowerCase())) throw new Error('password is too common; choose another');
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
