/**
 * Sensitivity of the open version (domain.md §6.4): each assumption moved to its low and high
 * value (the server's default ranges), ranked by the effect on payable months at the chosen
 * years and on the exhaustion year. The tornado shows one chosen year; the table lists them all.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Segmented, Select, Space, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc.ts';
import { useFormat } from '../../lib/use-format.ts';
import { QueryError } from '../../components/ui/query-error.tsx';
import { TornadoChart } from './tornado-chart.tsx';
import { tornadoRows, type TornadoRow } from './tornado-rows.ts';
import { assumptionField } from './scenario-fields.ts';
import { useFieldText } from './use-field-text.ts';
import type { Scenario } from './types.ts';

/** The server accepts up to ten years (schemas/projection.ts). */
const MAX_YEARS = 10;

export function SensitivityPanel({ scenarioId, scenario }: { scenarioId: number; scenario: Scenario }) {
  const { t } = useTranslation('projection');
  const fmt = useFormat();
  const text = useFieldText();
  const last = scenario.startYear + scenario.horizonYears - 1;
  const [years, setYears] = useState<number[]>([last]);
  const [shown, setShown] = useState(0);
  const tornado = useQuery({ ...trpc.projection.sensitivity.queryOptions({ scenarioId, years }), placeholderData: (prev) => prev });
  const index = Math.min(shown, years.length - 1);
  const rows = tornado.data ? tornadoRows(tornado.data, index) : [];
  const shownYear = tornado.data?.years[index] ?? last;
  const yearOptions = Array.from({ length: scenario.horizonYears }, (_, i) => ({ value: scenario.startYear + i, label: String(scenario.startYear + i) }));
  const valueText = (r: TornadoRow, side: 'low' | 'high') => {
    const field = assumptionField(scenario.scheme, r.item);
    return field ? text.assumption(r.bar[side].value, field.unit) : String(r.bar[side].value);
  };
  const exhaustion = (y: number | null) => y ?? t('headline.none');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="sensitivity-panel">
      <Flex gap={16} wrap align="center">
        <Typography.Text>{t('tornado.years')}</Typography.Text>
        <Select<number[]>
          mode="multiple"
          style={{ minWidth: 280 }}
          maxCount={MAX_YEARS}
          aria-label={t('tornado.years')}
          data-testid="tornado-years"
          value={years}
          options={yearOptions}
          onChange={(v) => {
            if (v.length === 0) return;
            setYears([...v].sort((a, b) => a - b));
            setShown(0);
          }}
        />
        {years.length > 1 && (
          <Segmented<number>
            data-testid="tornado-year"
            value={index}
            options={years.map((y, i) => ({ value: i, label: String(y) }))}
            onChange={setShown}
          />
        )}
        <Typography.Text type="secondary">{t('tornado.hint')}</Typography.Text>
      </Flex>
      {tornado.isError ? <QueryError error={tornado.error} onRetry={() => void tornado.refetch()} /> : (
        <Spin spinning={tornado.isFetching}>
          <Card size="small" title={t('tornado.title', { year: shownYear })}>
            {tornado.data && <TornadoChart rows={rows} baseMonths={tornado.data.base.payableMonths[index] ?? null} year={shownYear} />}
          </Card>
        </Spin>
      )}
      {tornado.data && (
        <Table<TornadoRow>
          size="small"
          rowKey="item"
          pagination={false}
          data-testid="tornado-table"
          dataSource={rows}
          columns={[
            { title: t('tornado.col.rank'), key: 'rank', width: 60, render: (_, __, i) => i + 1 },
            { title: t('editor.col.assumption'), key: 'item', render: (_, r) => t(`field.${r.item}`) },
            { title: t('tornado.col.low'), key: 'low', render: (_, r) => `${valueText(r, 'low')} → ${fmt.months(r.lowMonths)}` },
            { title: t('tornado.col.high'), key: 'high', render: (_, r) => `${valueText(r, 'high')} → ${fmt.months(r.highMonths)}` },
            { title: t('tornado.col.swing', { year: shownYear }), key: 'swing', render: (_, r) => fmt.months(r.swingMonths) },
            {
              title: t('tornado.col.exhaustion'),
              key: 'exhaustion',
              render: (_, r) => `${exhaustion(r.bar.low.exhaustionYear)} / ${exhaustion(r.bar.high.exhaustionYear)}`,
            },
            { title: t('tornado.col.exhaustionSwing'), key: 'exSwing', render: (_, r) => t('tornado.yearsValue', { count: r.bar.exhaustionSwingYears }) },
          ]}
        />
      )}
    </Space>
  );
}
