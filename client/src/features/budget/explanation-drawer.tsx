/**
 * Why an institution got its quota (domain.md §5.2): the years and weights of its base, growth,
 * each coefficient and the band that chose it, the violation deduction and its decision, the
 * common scaling, its agreement status and its adjustments; with the what-if editor for officers.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Divider, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc.ts';
import type { MoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { PageSpin } from '../../components/ui/page-spin.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { WhatIfForm } from './what-if-form.tsx';
import type { Explanation } from './types.ts';

const DRAWER_WIDTH = 640;

function Body({ x, unit }: { x: Explanation; unit: MoneyUnit }) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const money = (v: number | null) => fmt.money(v, unit);
  // the model states its bands in English ("80 ≤ score < 90", "rating A", "no score"): name the words in the UI language
  const rule = (text: string) => text.replace(/no score/g, t('explain.noScore')).replace(/no rating/g, t('explain.noRating'))
    .replace(/score/g, t('explain.scoreWord')).replace(/rating/g, t('explain.ratingWord'));
  const overridden = (data: unknown, used: unknown) => (data !== used ? <Tag color="gold">{t('explain.overridden', { value: data ?? '—' })}</Tag> : null);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {x.needsManualQuota && <Alert type="warning" showIcon title={t('explain.needsManual')} />}
      {x.status === 'terminated' && <Alert type="error" showIcon title={x.redistributed ? t('explain.redistributed') : t('explain.terminated', { amount: money(x.unallocatedYuan) })} />}
      <Table size="small" pagination={false} rowKey="year" data-testid="budget-explain-years" dataSource={x.years}
        columns={[
          { title: t('explain.year'), dataIndex: 'year' },
          { title: t('explain.paid', { unit: fmt.unitLabel(unit) }), dataIndex: 'paidYuan', align: 'right', render: (v: number | null) => fmt.moneyValue(v, unit) },
          { title: t('explain.weight'), dataIndex: 'weight', align: 'right', render: (w: number) => fmt.percent(w, 1) },
        ]} />
      <Descriptions size="small" column={1} bordered data-testid="budget-explain-steps">
        <Descriptions.Item label={t('explain.base')}>{money(x.baseYuan)}</Descriptions.Item>
        <Descriptions.Item label={t('explain.growth')}>{fmt.percent(x.growth, 1)}</Descriptions.Item>
        <Descriptions.Item label={t('explain.assessment', { year: x.assessment.year })}>
          {fmt.number(x.assessment.score, 1)} → ×{fmt.number(x.assessment.factor, 2)} <Typography.Text type="secondary">（{rule(x.assessment.rule)}）</Typography.Text> {overridden(x.assessment.dataScore, x.assessment.score)}
        </Descriptions.Item>
        <Descriptions.Item label={t('explain.credit', { year: x.credit.year })}>
          {x.credit.rating ?? '—'} → ×{fmt.number(x.credit.factor, 2)} <Typography.Text type="secondary">（{rule(x.credit.rule)}）</Typography.Text> {overridden(x.credit.dataRating, x.credit.rating)}
        </Descriptions.Item>
        <Descriptions.Item label={t('explain.coefficient')}>×{fmt.number(x.coefficient, 4)}</Descriptions.Item>
        <Descriptions.Item label={t('explain.adjustedBase')}>{money(x.adjustedBaseYuan)}</Descriptions.Item>
        <Descriptions.Item label={t('explain.violations', { year: x.violations.year })}>
          {t('explain.violationText', { confirmed: money(x.violations.confirmedYuan), count: x.violations.confirmedCount, pending: money(x.violations.pendingYuan), pendingCount: x.violations.pendingCount })}
        </Descriptions.Item>
        <Descriptions.Item label={t('explain.deduction')}>
          {money(x.deduction.appliedYuan)}
          {x.deduction.pendingYuan > 0 && <Tag color="orange" style={{ marginInlineStart: 6 }}>{t('explain.pending', { amount: money(x.deduction.pendingYuan), threshold: money(x.deduction.thresholdYuan) })}</Tag>}
          {x.deduction.decision && <Typography.Text type="secondary"> {t('explain.decision', { ref: x.deduction.decision.decisionRef, outcome: t(`decision.outcome.${x.deduction.decision.outcome}`) })}</Typography.Text>}
          {x.deduction.exceedsAdjustedBase && <Tag color="red" style={{ marginInlineStart: 6 }}>{t('explain.exceeds')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('explain.raw')}>{money(x.rawYuan)}</Descriptions.Item>
        <Descriptions.Item label={t('explain.scaling')}>{x.scalingFactor === null ? '—' : `×${fmt.number(x.scalingFactor, 6)}`}</Descriptions.Item>
        <Descriptions.Item label={t('explain.quota')}><Typography.Text strong data-testid="budget-explain-quota">{money(x.quotaYuan)}</Typography.Text> {x.overrides.quotaYuan !== null && <Tag color="gold">{t('explain.manual')}</Tag>}</Descriptions.Item>
        <Descriptions.Item label={t('explain.agreement')}>
          {t(`agreement.${x.agreement.status}`)}{x.agreement.suspendedMonths.length > 0 && ` · ${t('explain.suspendedMonths', { months: x.agreement.suspendedMonths.join(', ') })}`}
          {x.agreement.actions.map((a, i) => <div key={i}><Typography.Text type="secondary">{`${t(`agreement.${a.kind}`)} ${a.fromPeriod}${a.toPeriod ? `–${a.toPeriod}` : ''} · ${a.decisionRef}`}</Typography.Text></div>)}
        </Descriptions.Item>
      </Descriptions>
      {x.adjustments.length > 0 && (
        <Table size="small" pagination={false} rowKey="id" dataSource={x.adjustments} data-testid="budget-explain-adjustments"
          columns={[
            { title: t('explain.adjustedAt'), dataIndex: 'at', render: (v: string) => v.slice(0, 16).replace('T', ' ') },
            { title: t('explain.adjustedBy'), dataIndex: 'username' },
            { title: t('explain.change'), key: 'c', render: (_, a) => `${money(a.quotaBeforeYuan)} → ${money(a.quotaAfterYuan)}` },
            { title: t('explain.reason'), dataIndex: 'reason' },
          ]} />
      )}
    </Space>
  );
}

export function ExplanationDrawer({ planId, institutionId, unit, canEdit, onClose }: { planId: number; institutionId: number | undefined; unit: MoneyUnit; canEdit: boolean; onClose: () => void }) {
  const { t } = useTranslation('budget');
  const explain = useQuery({ ...trpc.budget.explain.queryOptions({ planId, institutionId: institutionId ?? 0 }), enabled: institutionId !== undefined });
  const x = explain.data;
  return (
    <Drawer open={institutionId !== undefined} onClose={onClose} size={DRAWER_WIDTH} destroyOnHidden data-testid="budget-explain-drawer"
      title={x ? `${x.code} · ${x.name}` : t('explain.title')}>
      {explain.isError && <QueryError error={explain.error} />}
      {!x && !explain.isError && <PageSpin />}
      {x && (
        <>
          <Body x={x} unit={unit} />
          {canEdit && (
            <>
              <Divider titlePlacement="start">{t('whatif.title')}</Divider>
              <WhatIfForm key={`${x.institutionId}-${x.quotaYuan}`} planId={planId} explanation={x} unit={unit} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
