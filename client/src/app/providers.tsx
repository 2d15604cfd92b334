/** Query cache, antd theme and locale (zh_CN or en_US, following the UI language), antd App context. */
import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { queryClient } from '../lib/trpc.ts';
import { antdTheme } from '../lib/theme.ts';
import { toAppLanguage } from '../lib/format.ts';

export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const lang = toAppLanguage(i18n.language);
  // dayjs drives the month picker's month names and week start.
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={antdTheme}>
        <AntdApp>{children}</AntdApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
