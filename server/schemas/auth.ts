import { z } from 'zod';

/** A password as typed: the length rules with their messages live in auth/password.ts. */
export const passwordField = z.string().min(1).max(256);
export const usernameField = z.string().trim().min(1).max(64);
const totpCode = z.string().trim().regex(/^\d{6}$/, 'two-factor code must be 6 digits');

export const loginInput = z.object({
  username: usernameField,
  password: passwordField,
  /** Required when the user has two-factor authentication on. */
  totp: totpCode.optional(),
});

export const changePasswordInput = z.object({
  currentPassword: passwordField,
  newPassword: passwordField,
});

export const totpCodeInput = z.object({ code: totpCode });
