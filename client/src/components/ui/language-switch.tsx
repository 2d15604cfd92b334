/** 中文 / EN switch; the choice persists in localStorage and switches antd's locale too. */
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../lib/language.ts';
import { toAppLanguage, type AppLanguage } from '../../lib/format.ts';

const OPTIONS: { label: string; value: AppLanguage }[] = [
  { label: '中文', value: 'zh-CN' },
  { label: 'EN', value: 'en' },
];

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Segmented<AppLanguage>
      size="small"
      aria-label={t('language')}
      data-testid="lang-switch"
      options={OPTIONS.map((o) => ({ ...o, label: <span data-testid={`lang-${o.value}`}>{o.label}</span> }))}
      value={toAppLanguage(i18n.language)}
      onChange={setLanguage}
    />
  );
}
