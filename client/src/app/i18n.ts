/**
 * i18next set-up: Chinese first, English on request; the choice is kept in localStorage and
 * mirrored to `<html lang>` and the document title.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { toAppLanguage, type AppLanguage } from '../lib/format.ts';
import { storedLanguage } from '../lib/language.ts';
import zhCommon from '../locales/zh-CN/common.json';
import zhAuth from '../locales/zh-CN/auth.json';
import zhOverview from '../locales/zh-CN/overview.json';
import zhFundDetail from '../locales/zh-CN/fund-detail.json';
import zhImporter from '../locales/zh-CN/importer.json';
import zhForecast from '../locales/zh-CN/forecast.json';
import enCommon from '../locales/en/common.json';
import enAuth from '../locales/en/auth.json';
import enOverview from '../locales/en/overview.json';
import enFundDetail from '../locales/en/fund-detail.json';
import enImporter from '../locales/en/importer.json';
import enForecast from '../locales/en/forecast.json';
import zhProjection from '../locales/zh-CN/projection.json';
import enProjection from '../locales/en/projection.json';
import zhDashboard from '../locales/zh-CN/dashboard.json';
import enDashboard from '../locales/en/dashboard.json';
import zhAdmin from '../locales/zh-CN/admin.json';
import enAdmin from '../locales/en/admin.json';
import zhBudget from '../locales/zh-CN/budget.json';
import enBudget from '../locales/en/budget.json';
import zhParameters from '../locales/zh-CN/parameters.json';
import enParameters from '../locales/en/parameters.json';

export const resources = {
  'zh-CN': { common: zhCommon, auth: zhAuth, overview: zhOverview, fundDetail: zhFundDetail, importer: zhImporter, forecast: zhForecast, projection: zhProjection, dashboard: zhDashboard, admin: zhAdmin, budget: zhBudget, parameters: zhParameters },
  en: { common: enCommon, auth: enAuth, overview: enOverview, fundDetail: enFundDetail, importer: enImporter, forecast: enForecast, projection: enProjection, dashboard: enDashboard, admin: enAdmin, budget: enBudget, parameters: enParameters },
} as const;

function reflectLanguage(lang: AppLanguage): void {
  document.documentElement.lang = lang;
  document.title = i18n.t('common:appTitle');
}

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  defaultNS: 'common',
  ns: ['common', 'auth', 'overview', 'fundDetail', 'importer', 'forecast', 'projection', 'dashboard', 'admin', 'budget', 'parameters'],
  interpolation: { escapeValue: false },
});

i18n.on('languageChanged', (lng) => reflectLanguage(toAppLanguage(lng)));
reflectLanguage(toAppLanguage(i18n.language));

export default i18n;
