/** Downloads of the fund records table (`GET /api/export/fund_records`, session cookie) as XLSX or CSV. */
import { useState } from 'react';
import { Button, Select, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MONEY_UNITS, type MoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';

export function exportUrl(table: string, format: 'xlsx' | 'csv', unit: MoneyUnit): string {
  return `/api/export/${encodeURIComponent(table)}?${new URLSearchParams({ format, unit }).toString()}`;
}

export function ExportButtons({ table }: { table: string }) {
  const { t } = useTranslation('fundDetail');
  const fmt = useFormat();
  const [unit, setUnit] = useState<MoneyUnit>('yuan');
  return (
    <Space size={8} wrap>
      <Select<MoneyUnit>
        size="small"
        style={{ width: 110 }}
        aria-label={t('export.unit')}
        data-testid="export-unit"
        value={unit}
        onChange={setUnit}
        options={MONEY_UNITS.map((u) => ({ value: u, label: fmt.unitLabel(u) }))}
      />
      <Button size="small" icon={<DownloadOutlined />} href={exportUrl(table, 'xlsx', unit)} download data-testid="export-xlsx">
        XLSX
      </Button>
      <Button size="small" icon={<DownloadOutlined />} href={exportUrl(table, 'csv', unit)} download data-testid="export-csv">
        CSV
      </Button>
    </Space>
  );
}
