/** The UI language choice, kept in localStorage (read once at start-up by app/i18n.ts). */
import i18n from 'i18next';
import { toAppLanguage, type AppLanguage } from './format.ts';

export const LANGUAGE_STORAGE_KEY = 'fundrisk.lang';

export function storedLanguage(): AppLanguage {
  try {
    return toAppLanguage(window.localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return 'zh-CN';
  }
}

export function setLanguage(lang: AppLanguage): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // storage may be disabled; the choice then lasts for this page only
  }
  void i18n.changeLanguage(lang);
}
