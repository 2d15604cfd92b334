/**
 * What the allocation still needs before approval (domain.md §5.2, §5.7): quotas set by hand for
 * institutions without history, decisions on deductions of 50,000 元 or more and on the shares of
 * terminated institutions; then approval, which locks the plan.
 */
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { errorMessage } from '../../lib/errors.ts';
import type { MoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import type { DecisionTarget } from './decision-modal.tsx';
import type { PlanDetail } from './types.ts';

export function ApprovalCard({ detail, unit, canEdit, onOpen, onDecide }: {
  detail: PlanDetail; unit: MoneyUnit; canEdit: boolean; onOpen: (institutionId: number) => void; onDecide: (target: DecisionTarget) => void;
}) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const { message } = App.useApp();
  const s = detail.summary;
  const idOf = new Map(detail.lines.map((l) => [l.code, l.institutionId]));
  const approve = useMutation(trpc.budget.approve.mutationOptions({
    onSuccess: () => {
      void message.success(t('approve.done'));
      void queryClient.invalidateQueries({ queryKey: trpc.budget.pathKey() });
    },
    onError: (err) => void message.error(errorMessage(err)),
  }));
  const blocked = s.count.needsManual > 0 || s.pendingDecisionCount > 0 || s.unallocatedNeedsDecision;
  const open = (code: string) => { const id = idOf.get(code); if (id !== undefined) onOpen(id); };
  return (
    <Card size="small" title={t('approve.title')} data-testid="budget-blockers">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {!blocked && <Alert type="success" showIcon title={t('approve.ready')} />}
        {s.count.needsManual > 0 && (
          <List size="small" header={<Typography.Text strong>{t('approve.needsManual', { count: s.count.needsManual })}</Typography.Text>} dataSource={s.needsManualQuota}
            renderItem={(code) => <List.Item><Typography.Link onClick={() => open(code)}>{code}</Typography.Link></List.Item>} />
        )}
        {s.pendingDecisionCount > 0 && (
          <List size="small" header={<Typography.Text strong>{t('approve.pending', { count: s.pendingDecisionCount, threshold: fmt.number(detail.plan.decisionThresholdYuan, 2) })}</Typography.Text>} dataSource={s.pendingDecisions}
            renderItem={(p) => (
              <List.Item actions={canEdit ? [<Button key="d" size="small" data-testid="budget-decide-deduction" onClick={() => onDecide({ kind: 'deduction', institutionId: idOf.get(p.code) as number, label: p.code })}>{t('approve.decide')}</Button>] : []}>
                <Typography.Link onClick={() => open(p.code)}>{p.code}</Typography.Link> <Tag color="orange">{fmt.money(p.amountYuan, unit)}</Tag>
              </List.Item>
            )} />
        )}
        {s.unallocatedYuan > 0 && (
          <Flex gap={8} align="center" wrap>
            <Typography.Text>{t('approve.unallocated', { amount: fmt.money(s.unallocatedYuan, unit) })}</Typography.Text>
            {s.unallocatedDecision ? <Tag>{t(`decision.outcome.${s.unallocatedDecision.outcome}`)} · {s.unallocatedDecision.decisionRef}</Tag> : <Tag color="orange">{t('approve.undecided')}</Tag>}
            {canEdit && <Button size="small" data-testid="budget-decide-unallocated" onClick={() => onDecide({ kind: 'unallocated', label: fmt.money(s.unallocatedYuan, unit) })}>{t('approve.decide')}</Button>}
          </Flex>
        )}
        {canEdit && (
          <Popconfirm title={t('approve.confirm')} description={t('approve.confirmText')} onConfirm={() => approve.mutate({ planId: detail.plan.id })}
            okButtonProps={{ 'data-testid': 'budget-approve-confirm' } as ButtonProps}>
            <Button type="primary" icon={<CheckCircleOutlined />} disabled={blocked || !s.balanced} loading={approve.isPending} data-testid="budget-approve">{t('approve.button')}</Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}
