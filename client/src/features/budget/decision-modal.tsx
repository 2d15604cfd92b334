/** Recording a collective decision (seed 001 第二十一条): its reference number and outcome. */
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useFormat } from '../../lib/use-format.ts';

export type DecisionTarget =
  | { kind: 'deduction' | 'recovery'; institutionId: number; label: string }
  | { kind: 'unallocated'; label: string };

type Outcome = 'apply' | 'waive' | 'hold' | 'redistribute';

export function DecisionModal({ planId, thresholdYuan, target, onClose }: { planId: number; thresholdYuan: number; target: DecisionTarget | undefined; onClose: () => void }) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const { message } = App.useApp();
  const outcomes: Outcome[] = target?.kind === 'unallocated' ? ['hold', 'redistribute'] : ['apply', 'waive'];
  const [outcome, setOutcome] = useState<Outcome>();
  const [ref, setRef] = useState('');
  const [note, setNote] = useState('');
  const decide = useMutation(trpc.budget.decide.mutationOptions({
    onSuccess: () => {
      void message.success(t('decision.saved'));
      void queryClient.invalidateQueries({ queryKey: trpc.budget.pathKey() });
      setRef('');
      setNote('');
      setOutcome(undefined);
      onClose();
    },
    onError: (err) => void message.error(errorMessage(err)),
  }));
  const chosen = outcome ?? outcomes[0] as Outcome;
  return (
    <Modal open={target !== undefined} onCancel={onClose} title={target ? t(`decision.title.${target.kind}`, { label: target.label }) : ''} destroyOnHidden
      okText={t('decision.save')} okButtonProps={{ disabled: ref.trim() === '', loading: decide.isPending, 'data-testid': 'budget-decision-save' } as ButtonProps}
      onOk={() => target && decide.mutate({
        planId, kind: target.kind, outcome: chosen, decisionRef: ref.trim(), ...(note.trim() ? { note: note.trim() } : {}),
        institutionId: target.kind === 'unallocated' ? null : target.institutionId,
      })}>
      <Form layout="vertical">
        <Form.Item label={t('decision.outcomeLabel')}>
          <Radio.Group value={chosen} onChange={(e) => setOutcome(e.target.value as Outcome)} data-testid="budget-decision-outcome"
            options={outcomes.map((o) => ({ value: o, label: t(`decision.outcome.${o}`) }))} />
        </Form.Item>
        <Form.Item label={t('decision.ref')} required help={t('decision.refHelp', { threshold: fmt.number(thresholdYuan, 2) })}>
          <Input value={ref} onChange={(e) => setRef(e.target.value)} maxLength={120} data-testid="budget-decision-ref" />
        </Form.Item>
        <Form.Item label={t('decision.note')}>
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
