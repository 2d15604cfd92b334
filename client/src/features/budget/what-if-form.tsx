/**
 * What-if edit of one institution: set its quota by hand or correct its score or credit rating;
 * "preview" asks the server for the effect (this quota, the others, the total) without saving;
 * "save" needs a reason and records the adjustment.
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, Input, InputNumber, Segmented, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { errorMessage } from '../../lib/errors.ts';
import { pickMoneyUnit, type MoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import type { AdjustmentEffect, Explanation } from './types.ts';

type Kind = 'quota' | 'score' | 'credit';
type Change = { kind: 'quota'; quotaYuan: number } | { kind: 'score'; score: number } | { kind: 'credit'; rating: 'A' | 'B' | 'C' | 'D' };

function Effect({ effect, unit }: { effect: AdjustmentEffect; unit: MoneyUnit }) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const money = (v: number) => fmt.money(v, unit);
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="budget-whatif-effect">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('whatif.thisQuota')}>
          <span data-testid="budget-whatif-quota">{money(effect.quotaBeforeYuan)} → <Typography.Text strong>{money(effect.quotaAfterYuan)}</Typography.Text></span>
        </Descriptions.Item>
        <Descriptions.Item label={t('whatif.others')}>{t('whatif.othersText', { count: effect.othersChanged, amount: money(effect.othersDeltaYuan) })}</Descriptions.Item>
        {effect.unallocatedDeltaYuan !== 0 && <Descriptions.Item label={t('whatif.unallocated')}>{money(effect.unallocatedDeltaYuan)}</Descriptions.Item>}
        <Descriptions.Item label={t('whatif.total')}>
          {fmt.money(effect.totalYuan, pickMoneyUnit([effect.totalYuan]))} {effect.totalHolds ? <Typography.Text type="success">{t('whatif.holds')}</Typography.Text> : <Typography.Text type="danger">{t('whatif.breaks')}</Typography.Text>}
        </Descriptions.Item>
      </Descriptions>
      {effect.largest.length > 0 && (
        <Table size="small" rowKey="institutionId" pagination={false} dataSource={effect.largest}
          columns={[
            { title: t('whatif.largest'), key: 'name', render: (_, r) => `${r.code} ${r.name}` },
            { title: t('whatif.before'), dataIndex: 'beforeYuan', align: 'right', render: (v: number) => money(v) },
            { title: t('whatif.after'), dataIndex: 'afterYuan', align: 'right', render: (v: number) => money(v) },
          ]} />
      )}
    </Space>
  );
}

export function WhatIfForm({ planId, explanation, unit }: { planId: number; explanation: Explanation; unit: MoneyUnit }) {
  const { t } = useTranslation('budget');
  const { message } = App.useApp();
  const terminated = explanation.status === 'terminated';
  const [kind, setKind] = useState<Kind>(terminated ? 'score' : 'quota');
  const [quota, setQuota] = useState<number | null>(explanation.quotaYuan);
  const [score, setScore] = useState<number | null>(explanation.assessment.score);
  const [rating, setRating] = useState<'A' | 'B' | 'C' | 'D'>(explanation.credit.rating ?? 'B');
  const [reason, setReason] = useState('');
  const [previewed, setPreviewed] = useState<Change>();
  const change: Change | undefined = kind === 'quota' ? (quota === null ? undefined : { kind, quotaYuan: quota })
    : kind === 'score' ? (score === null ? undefined : { kind, score }) : { kind, rating };
  const preview = useQuery({
    ...trpc.budget.previewAdjustment.queryOptions({ planId, institutionId: explanation.institutionId, change: previewed as Change }),
    enabled: previewed !== undefined, retry: false,
  });
  const save = useMutation(trpc.budget.adjust.mutationOptions({
    onSuccess: () => {
      void message.success(t('whatif.saved'));
      setPreviewed(undefined);
      setReason('');
      void queryClient.invalidateQueries({ queryKey: trpc.budget.pathKey() });
    },
    onError: (err) => void message.error(errorMessage(err)),
  }));
  const samePreview = previewed !== undefined && JSON.stringify(previewed) === JSON.stringify(change);
  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }} data-testid="budget-whatif">
      <Segmented<Kind> data-testid="budget-whatif-kind" value={kind} onChange={(k) => { setKind(k); setPreviewed(undefined); }}
        options={[{ value: 'quota', label: t('whatif.kind.quota'), disabled: terminated }, { value: 'score', label: t('whatif.kind.score') }, { value: 'credit', label: t('whatif.kind.credit') }]} />
      <Flex gap={8} align="center" wrap>
        {kind === 'quota' && <InputNumber<number> data-testid="budget-whatif-value" min={0} value={quota} onChange={setQuota} style={{ width: 220 }} suffix={t('whatif.yuan')} />}
        {kind === 'score' && <InputNumber<number> data-testid="budget-whatif-value" min={0} max={100} step={0.1} value={score} onChange={setScore} style={{ width: 140 }} />}
        {kind === 'credit' && <Select data-testid="budget-whatif-value" value={rating} onChange={setRating} style={{ width: 100 }} options={(['A', 'B', 'C', 'D'] as const).map((r) => ({ value: r, label: r }))} />}
        <Button data-testid="budget-whatif-preview" disabled={change === undefined} loading={preview.isFetching} onClick={() => setPreviewed(change)}>{t('whatif.preview')}</Button>
      </Flex>
      {preview.isError && samePreview && <Alert type="error" showIcon title={errorMessage(preview.error)} data-testid="budget-whatif-error" />}
      {preview.data && samePreview && <Effect effect={preview.data} unit={unit} />}
      <Input.TextArea data-testid="budget-whatif-reason" rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('whatif.reason')} />
      <Button type="primary" data-testid="budget-whatif-save" disabled={!samePreview || !preview.data || reason.trim() === ''} loading={save.isPending}
        onClick={() => change && save.mutate({ planId, institutionId: explanation.institutionId, change, reason: reason.trim() })}>
        {t('whatif.save')}
      </Button>
      <Typography.Text type="secondary">{t('whatif.note')}</Typography.Text>
    </Space>
  );
}
