/**
 * Up to four scenario versions side by side (`projection.compare`, deterministic projections
 * computed on request): balance and payable-months lines and a table of the headline figures.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc.ts';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { QueryError } from '../../components/ui/query-error.tsx';
import { TierTag } from '../../components/ui/tier-tag.tsx';
import { ComparisonChart } from './comparison-chart.tsx';
import { comparisonHeadlines, comparisonRows, type ComparisonHeadline } from './comparison-rows.ts';
import { COMPARISON_COLORS } from './projection-colors.ts';
import { MAX_COMPARED } from './use-projection-params.ts';
import { useTierLabels } from './use-tier-labels.ts';
import type { ScenarioListRow, TierThresholds } from './types.ts';

export interface ComparisonPanelProps {
  ids: readonly number[];
  versions: readonly ScenarioListRow[];
  thresholds: TierThresholds;
  onChange: (ids: number[]) => void;
}

export function ComparisonPanel({ ids, versions, thresholds, onChange }: ComparisonPanelProps) {
  const { t } = useTranslation('projection');
  const fmt = useFormat();
  const tiers = useTierLabels();
  const compare = useQuery({ ...trpc.projection.compare.queryOptions({ scenarioIds: [...ids] }), enabled: ids.length > 0, placeholderData: (prev) => prev });
  const items = compare.data ?? [];
  const names = items.map((s) => `${s.name} v${s.version}`);
  const balance = comparisonRows(items, (y) => y.balanceYuan);
  const months = comparisonRows(items, (y) => y.payableMonths);
  const unit = pickMoneyUnit(balance.flatMap((r) => names.map((_, i) => r[`s${i}`])));
  const options = versions.map((v) => ({ value: v.id, label: `${v.name} v${v.version}${v.preset ? ` · ${t(`preset.${v.preset}`)}` : ''}` }));
  const year = (y: number | null) => y ?? t('headline.none');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="comparison-view">
      <Flex gap={12} wrap align="center">
        <Typography.Text>{t('compare.pick', { max: MAX_COMPARED })}</Typography.Text>
        <Select<number[]>
          mode="multiple"
          style={{ minWidth: 420, flex: '1 1 420px' }}
          maxCount={MAX_COMPARED}
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t('compare.pick', { max: MAX_COMPARED })}
          data-testid="compare-select"
          value={[...ids]}
          options={options}
          onChange={onChange}
        />
      </Flex>
      {compare.isError ? <QueryError error={compare.error} onRetry={() => void compare.refetch()} /> : (
        <Spin spinning={compare.isFetching}>
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={12}>
              <Card size="small" title={t('compare.balanceTitle')}>
                <ComparisonChart rows={balance} names={names} scale={{ kind: 'money', unit }} axisLabel={t('fan.balanceAxis', { unit: fmt.unitLabel(unit) })} testId="compare-balance" />
              </Card>
            </Col>
            <Col xs={24} xxl={12}>
              <Card size="small" title={t('compare.monthsTitle')}>
                <ComparisonChart rows={months} names={names} scale={{ kind: 'months', thresholds, tiers }} axisLabel={t('fan.monthsAxis')} testId="compare-months" />
              </Card>
            </Col>
          </Row>
        </Spin>
      )}
      <Table<ComparisonHeadline>
        size="small"
        rowKey="id"
        pagination={false}
        data-testid="compare-table"
        dataSource={comparisonHeadlines(items)}
        columns={[
          {
            title: t('list.name'),
            key: 'name',
            render: (_, r, i) => (
              <Space size={6}>
                <span style={{ display: 'inline-block', width: 12, height: 3, background: COMPARISON_COLORS[i % COMPARISON_COLORS.length] }} />
                <span>{`${r.name} v${r.version}`}</span>
                {r.preset && <Tag style={{ marginInlineEnd: 0 }}>{t(`preset.${r.preset}`)}</Tag>}
              </Space>
            ),
          },
          { title: t('headline.firstDeficit'), key: 'deficit', render: (_, r) => year(r.firstDeficitYear) },
          { title: t('headline.exhaustion'), key: 'exhaustion', render: (_, r) => year(r.exhaustionYear) },
          { title: t('compare.balanceAtEnd', { unit: fmt.unitLabel(unit) }), key: 'balance', align: 'right', render: (_, r) => fmt.moneyValue(r.balanceAtEndYuan, unit) },
          {
            title: t('compare.monthsAtEnd'),
            key: 'months',
            render: (_, r) => <Space size={6}>{fmt.months(r.monthsAtEnd)}<TierTag tier={r.tierAtEnd} />{r.lastYear !== null && <Typography.Text type="secondary">{r.lastYear}</Typography.Text>}</Space>,
          },
        ]}
      />
    </Space>
  );
}
