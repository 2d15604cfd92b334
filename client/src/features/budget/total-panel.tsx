/**
 * The plan's total (domain.md §5.1): projected pooling income of the plan year from a chosen
 * projection (a stored scenario version, or one of its finished deterministic runs), less the
 * reserve and the earmarks, with the planned balance change and the payable months that result.
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Input, InputNumber, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { errorMessage } from '../../lib/errors.ts';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { PROVENANCE_TAG_COLORS } from '../../lib/theme.ts';
import { TierTag } from '../../components/ui/tier-tag.tsx';
import type { PlanDetail } from './types.ts';

interface Earmark { label: string; amountYuan: number | null }

function TotalResult({ total }: { total: NonNullable<PlanDetail['plan']['total']> }) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const unit = pickMoneyUnit([total.projectedIncomeYuan]);
  const money = (v: number) => fmt.money(v, unit);
  return (
    <Descriptions size="small" bordered column={{ xs: 1, lg: 2 }} data-testid="budget-total-result">
      <Descriptions.Item label={t('total.source')} span={2}>
        {t(`total.sourceKind.${total.source.kind}`, { id: total.source.runId, name: total.source.scenarioName, version: total.source.scenarioVersion })}
      </Descriptions.Item>
      <Descriptions.Item label={t('total.income')}>{money(total.projectedIncomeYuan)}</Descriptions.Item>
      <Descriptions.Item label={t('total.interest')}>{money(total.projectedInterestYuan)}</Descriptions.Item>
      <Descriptions.Item label={t('total.opening')}>{money(total.openingBalanceYuan)}</Descriptions.Item>
      <Descriptions.Item label={t('total.reserve', { rate: fmt.percent(total.reserveRate, 0) })}>
        <Space size={6}>
          {money(total.reserveYuan)}
          <Tooltip title={total.reserveRateProvenance.source}>
            <Tag color={PROVENANCE_TAG_COLORS[total.reserveRateProvenance.provenance]}>{t(`common:provenance.${total.reserveRateProvenance.provenance}`)}</Tag>
          </Tooltip>
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('total.earmarks')}>
        {money(total.earmarksYuan)}
        {total.earmarks.length > 0 && <Typography.Text type="secondary"> （{total.earmarks.map((e) => `${e.label} ${money(e.amountYuan)}`).join('；')}）</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t('total.balanceChange')}>
        {money(total.plannedBalanceChangeYuan)} · {t(`total.rule.${total.rule}`, { months: total.targetMonths })}{total.capped ? ` · ${t('total.capped')}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('total.total')}><Typography.Text strong data-testid="budget-total-value">{money(total.totalYuan)}</Typography.Text></Descriptions.Item>
      <Descriptions.Item label={t('total.closing')}>{money(total.closingBalanceYuan)}</Descriptions.Item>
      <Descriptions.Item label={t('total.months')}>
        <Space size={6}>{fmt.months(total.payableMonthsBefore)} <TierTag tier={total.tierBefore} /> → {fmt.months(total.payableMonths)} <TierTag tier={total.tier} /></Space>
      </Descriptions.Item>
    </Descriptions>
  );
}

export function TotalPanel({ detail, canEdit }: { detail: PlanDetail; canEdit: boolean }) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const { message } = App.useApp();
  const plan = detail.plan;
  const scenarios = useQuery({ ...trpc.projection.scenarios.queryOptions({}), enabled: canEdit });
  const choices = (scenarios.data ?? []).filter((s) => s.scheme === plan.scheme && (s.regionId === plan.regionId || s.regionId === null));
  const [scenarioId, setScenarioId] = useState<number | undefined>(plan.total?.source.scenarioId);
  const runs = useQuery({ ...trpc.projection.runs.queryOptions({ scenarioId: scenarioId ?? 0 }), enabled: canEdit && scenarioId !== undefined });
  const finished = (runs.data ?? []).filter((r) => r.kind === 'deterministic' && r.status === 'done');
  const [runId, setRunId] = useState<number | null>(plan.total?.source.runId ?? null);
  const [earmarks, setEarmarks] = useState<Earmark[]>(plan.total?.earmarks ?? []);
  const [reserveRate, setReserveRate] = useState<number | null>(plan.total?.reserveRate ?? null);
  const [balanceChange, setBalanceChange] = useState<number | null>(null);
  const compute = useMutation(trpc.budget.computeTotal.mutationOptions({
    onSuccess: () => {
      void message.success(t('total.done'));
      void queryClient.invalidateQueries({ queryKey: trpc.budget.pathKey() });
    },
    onError: (err) => void message.error(errorMessage(err)),
  }));
  const submit = () => {
    if (scenarioId === undefined) return;
    compute.mutate({
      planId: plan.id,
      source: runId === null ? { kind: 'scenario', scenarioId } : { kind: 'run', runId },
      earmarks: earmarks.filter((e) => e.label.trim() !== '' && e.amountYuan !== null).map((e) => ({ label: e.label.trim(), amountYuan: e.amountYuan as number })),
      ...(reserveRate === null ? {} : { reserveRate }),
      ...(balanceChange === null ? {} : { plannedBalanceChangeYuan: balanceChange }),
    });
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="budget-total-panel">
      {plan.total ? <TotalResult total={plan.total} /> : <Alert type="info" showIcon title={t('total.none')} />}
      {canEdit && (
        <Card size="small" title={plan.total ? t('total.recompute') : t('total.compute')}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Flex gap={8} wrap align="center">
              <Typography.Text>{t('total.scenario')}</Typography.Text>
              <Select<number> data-testid="budget-total-scenario" style={{ minWidth: 320 }} value={scenarioId} loading={scenarios.isPending} placeholder={t('total.chooseScenario')}
                onChange={(v) => { setScenarioId(v); setRunId(null); }}
                options={choices.map((s) => ({ value: s.id, label: `${s.name} · v${s.version} · ${s.createdAt.slice(0, 10)}` }))}
                notFoundContent={t('total.noScenario')} />
              <Typography.Text>{t('total.run')}</Typography.Text>
              <Select<number | null> data-testid="budget-total-run" style={{ minWidth: 220 }} value={runId} onChange={setRunId} disabled={scenarioId === undefined}
                options={[{ value: null, label: t('total.projectNow') }, ...finished.map((r) => ({ value: r.id, label: t('total.runLabel', { id: r.id, date: (r.finishedAt ?? r.createdAt).slice(0, 10) }) }))]} />
            </Flex>
            <Flex gap={8} wrap align="center">
              <Typography.Text>{t('total.reserveRate')}</Typography.Text>
              <InputNumber<number> data-testid="budget-total-reserve" min={0} max={0.99} step={0.01} value={reserveRate} onChange={setReserveRate} placeholder="0.09" style={{ width: 100 }} />
              {reserveRate !== null && <Typography.Text type="secondary">{fmt.percent(reserveRate, 1)}</Typography.Text>}
              <Typography.Text>{t('total.balanceChangeInput')}</Typography.Text>
              <InputNumber<number> data-testid="budget-total-balance-change" value={balanceChange} onChange={setBalanceChange} placeholder={t('total.byRule')} style={{ width: 200 }} />
            </Flex>
            <Space orientation="vertical" size={6}>
              <Typography.Text>{t('total.earmarksInput')}</Typography.Text>
              {earmarks.map((e, i) => (
                <Flex key={i} gap={8}>
                  <Input aria-label={t('total.earmarkLabel')} value={e.label} onChange={(ev) => setEarmarks(earmarks.map((x, j) => (j === i ? { ...x, label: ev.target.value } : x)))} style={{ width: 200 }} placeholder={t('total.earmarkLabel')} data-testid="budget-earmark-label" />
                  <InputNumber<number> aria-label={t('total.earmarkAmount')} min={0} value={e.amountYuan} onChange={(v) => setEarmarks(earmarks.map((x, j) => (j === i ? { ...x, amountYuan: v } : x)))} style={{ width: 200 }} placeholder={t('total.earmarkAmount')} data-testid="budget-earmark-amount" />
                  <Button icon={<DeleteOutlined />} aria-label={t('total.removeEarmark')} onClick={() => setEarmarks(earmarks.filter((_, j) => j !== i))} />
                </Flex>
              ))}
              <Button size="small" icon={<PlusOutlined />} onClick={() => setEarmarks([...earmarks, { label: '', amountYuan: null }])} data-testid="budget-earmark-add">{t('total.addEarmark')}</Button>
            </Space>
            <Button type="primary" disabled={scenarioId === undefined} loading={compute.isPending} onClick={submit} data-testid="budget-total-compute">{t('total.computeButton')}</Button>
          </Space>
        </Card>
      )}
    </Space>
  );
}
