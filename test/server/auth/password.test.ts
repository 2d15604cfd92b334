/** The password policy: length in code points, a real blocklist compared case-insensitively, no composition rules. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPasswordPolicy, isCommonPassword } from '../../../server/auth/password.ts';

const listed = dictionary['passwords-common'].filter((p) => [...p].length >= 8);

describe('password policy', () => {
  it('refuses list entries in any letter case, with the existing message', () => {
    for (const p of ['password1', 'PassWord1', 'QWERTYUIOP', 'Iloveyou', 'administrator', '1qaz2wsx']) {
      expect(() => checkPasswordPolicy(p)).toThrow('password is too common; choose another');
    }
  });

  it('refuses what Chinese users choose often and the list lacks, the service name and one repeated character', () => {
    for (const p of ['woaini1314', '88888888', 'dearbook', '12341234', 'FundRisk', 'zzzzzzzzzz', '啊啊啊啊啊啊啊啊']) {
      expect(isCommonPassword(p)).toBe(true);
    }
  });

  it('refuses every listed entry of 8 or more characters, however its letters are cased', () => {
    fc.assert(fc.property(fc.constantFrom(...listed), fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), (p, upper) => {
      const mixed = [...p].map((ch, i) => (upper[i % upper.length] ? ch.toUpperCase() : ch)).join('');
      expect(isCommonPassword(mixed)).toBe(true);
    }), { numRuns: 300 });
  });

  it('asks for no character classes: a long lower-case passphrase, digits only or Chinese text are fine', () => {
    for (const p of ['correct horse battery staple', 'my dog likes green tea', '20260517093042', '医保基金精算风险模型']) {
      expect(() => checkPasswordPolicy(p)).not.toThrow();
    }
  });

  it('counts code points: 8 汉字 pass, 7 do not; an emoji counts as one', () => {
    expect(() => checkPasswordPolicy('医保基金精算风险')).not.toThrow();
    expect(() => checkPasswordPolicy('医保基金精算风')).toThrow('password must have at least 8 characters');
    expect(() => checkPasswordPolicy('🔒🔒🔒🔒a')).toThrow('password must have at least 8 characters');
  });

  it('limits the length to 128 characters', () => {
    const base = 'q7-river-lamp-';
    const at = (n: number) => base.repeat(20).slice(0, n);
    expect(() => checkPasswordPolicy(at(128))).not.toThrow();
    expect(() => checkPasswordPolicy(at(129))).toThrow('password must have at most 128 characters');
    expect(() => checkPasswordPolicy(at(7))).toThrow('password must have at least 8 characters');
  });

  it('refuses a password containing the username (4 characters or more), case-insensitively', () => {
    expect(() => checkPasswordPolicy('Zhangwei-2026!', { username: 'zhangwei' })).toThrow('password must not contain the username');
    expect(() => checkPasswordPolicy('a-budget-of-words', { username: 'budget' })).toThrow('password must not contain the username');
    // a two-letter username occurs by chance in passphrases: not refused
    expect(() => checkPasswordPolicy('a long lizard passphrase', { username: 'li' })).not.toThrow();
  });
});
