/** Title, drill-down breadcrumb, region scope, period selector and report downloads of the dashboard. */
import { Breadcrumb, Button, DatePicker, Flex, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { regionName } from '../../lib/labels.ts';
import { ReportButtons } from './report-buttons.tsx';
import type { DashboardSummary, DashboardView } from './types.ts';

const MONTH_FORMAT = 'YYYY-MM';

export function DashboardHeader({ summary, view, onChange }: { summary: DashboardSummary | undefined; view: DashboardView; onChange: (next: DashboardView) => void }) {
  const { t } = useTranslation('dashboard');
  const fmt = useFormat();
  const first = summary?.firstMonth ? dayjs(summary.firstMonth, MONTH_FORMAT) : null;
  const last = summary?.lastMonth ? dayjs(summary.lastMonth, MONTH_FORMAT) : null;
  const roots = summary?.roots ?? [];
  return (
    <Flex justify="space-between" align="center" gap={16} wrap>
      <Space orientation="vertical" size={2}>
        <Typography.Title level={2} style={{ margin: 0 }}>{t('title')}</Typography.Title>
        <Breadcrumb
          data-testid="dashboard-breadcrumb"
          items={(summary?.breadcrumb ?? []).map((b, i, all) => ({
            key: b.regionId,
            title: b.accessible && i < all.length - 1
              ? <a onClick={() => onChange({ ...view, regionId: b.regionId, showAll: undefined })} data-testid="breadcrumb-link">{regionName(b, fmt.lang)}</a>
              : regionName(b, fmt.lang),
          }))}
        />
      </Space>
      <Flex gap={12} align="center" wrap>
        {roots.length > 1 && (
          <Select<number>
            style={{ minWidth: 220 }}
            aria-label={t('scope')}
            data-testid="dashboard-scope"
            value={summary?.breadcrumb.find((b) => roots.some((r) => r.regionId === b.regionId))?.regionId}
            options={roots.map((r) => ({ value: r.regionId, label: regionName(r, fmt.lang) }))}
            onChange={(regionId) => onChange({ ...view, regionId, showAll: undefined })}
          />
        )}
        <Typography.Text type="secondary" data-testid="dashboard-data-as-of">{summary?.latestPeriod ? t('dataAsOf', { period: fmt.period(summary.latestPeriod) }) : ''}</Typography.Text>
        <DatePicker
          picker="month"
          aria-label={t('asOf')}
          placeholder={t('asOf')}
          data-testid="dashboard-as-of"
          format={MONTH_FORMAT}
          allowClear
          value={view.asOf ? dayjs(view.asOf, MONTH_FORMAT) : null}
          disabledDate={(d) => Boolean((first && d.isBefore(first, 'month')) || (last && d.isAfter(last, 'month')))}
          onChange={(d) => onChange({ ...view, asOf: d ? d.format(MONTH_FORMAT) : undefined })}
        />
        <Button onClick={() => onChange({ ...view, asOf: undefined })} disabled={!view.asOf} data-testid="dashboard-latest">{t('latest')}</Button>
        <ReportButtons regionId={summary?.focus?.regionId} asOf={view.asOf} />
      </Flex>
    </Flex>
  );
}
