/** Downloads of one of a plan's tables (`GET /api/budget/:planId/export/:table`, session cookie) as XLSX or CSV. */
import { Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import type { BudgetTable } from './types.ts';

export function budgetExportUrl(planId: number, table: BudgetTable, format: 'xlsx' | 'csv', unit: MoneyUnit, lang: 'zh' | 'en'): string {
  const exportUnit = unit === 'yuan' ? 'yuan' : 'wan';
  return `/api/budget/${planId}/export/${table}?${new URLSearchParams({ format, unit: exportUnit, lang }).toString()}`;
}

export function ExportLinks({ planId, table, unit }: { planId: number; table: BudgetTable; unit: MoneyUnit }) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const lang = fmt.lang === 'en' ? 'en' : 'zh';
  return (
    <Space size={6}>
      <Button size="small" icon={<DownloadOutlined />} href={budgetExportUrl(planId, table, 'xlsx', unit, lang)} download data-testid={`budget-export-${table}-xlsx`}>
        {t('export.xlsx')}
      </Button>
      <Button size="small" icon={<DownloadOutlined />} href={budgetExportUrl(planId, table, 'csv', unit, lang)} download data-testid={`budget-export-${table}-csv`}>
        CSV
      </Button>
    </Space>
  );
}
