/**
 * 新建全国参数版本: every value of the newest version, editable with its provenance and source;
 * the month it takes effect and a note (required). Only the changed rows are sent; the server
 * checks the rules against every regional override and refuses with the field and the reason.
 */
import { useEffect, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { MONTH_FORMAT, rowChanged, toInput, toRow, type EditForm } from './edit-rows.ts';
import { keyLabel } from './parameter-values.ts';
import { parameterRefusal } from './refusals.ts';
import { ProvenanceCell, SourceCell, ValueCell, type RowValues } from './value-fields.tsx';
import type { ParameterSet, ParameterValue } from './types.ts';

const MODAL_WIDTH = 1180;

function ChangedMark({ stored }: { stored: ParameterValue }) {
  const { t } = useTranslation('parameters');
  const row = Form.useWatch<RowValues | undefined>(['values', stored.key]);
  return row && rowChanged(stored, row) ? <Tag color="processing" data-testid="changed-mark">{t('form.changed')}</Tag> : null;
}

export function VersionModal({ open, base, onClose, onSaved }: { open: boolean; base: ParameterSet; onClose: () => void; onSaved: (setId: number) => void }) {
  const { t } = useTranslation('parameters');
  const { message } = App.useApp();
  const [form] = Form.useForm<EditForm>();
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => { if (open) setRefusal(null); }, [open]);
  // the modal's content is destroyed when hidden, so the form starts from the newest version at every opening
  const initialValues: EditForm = { effectiveFrom: null, note: '', values: Object.fromEntries(base.values.map((v) => [v.key, toRow(v)])) };
  const create = useMutation(trpc.parameters.createVersion.mutationOptions({
    onSuccess: (saved) => {
      void message.success(t('form.versionSaved', { version: saved.version, from: saved.effectiveFrom }));
      void queryClient.invalidateQueries();
      onSaved(saved.setId);
    },
    onError: (err) => setRefusal(parameterRefusal(err, t)),
  }));

  const submit = async () => {
    const v = await form.validateFields();
    const edits = base.values.filter((stored) => rowChanged(stored, v.values[stored.key]))
      .map((stored) => toInput(stored.key, stored.unit, v.values[stored.key] as RowValues & { value: number | string }));
    if (edits.length === 0) {
      setRefusal(t('form.noChange'));
      return;
    }
    create.mutate({ fromSetId: base.setId, effectiveFrom: v.effectiveFrom?.format(MONTH_FORMAT) ?? '', note: v.note, values: edits });
  };

  const columns: TableColumnsType<ParameterValue> = [
    { title: t('column.parameter'), dataIndex: 'key', width: 230, render: (key: string) => t(keyLabel(key)) },
    {
      title: t('column.value'),
      key: 'value',
      width: 250,
      render: (_, v) => (
        <Space size={4} style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
          <ValueCell keyName={v.key} unit={v.unit} optional={false} />
          <ChangedMark stored={v} />
        </Space>
      ),
    },
    { title: t('column.provenance'), key: 'provenance', width: 140, render: (_, v) => <ProvenanceCell keyName={v.key} /> },
    { title: t('column.source'), key: 'source', render: (_, v) => <SourceCell keyName={v.key} optional={false} /> },
  ];

  return (
    <Modal
      open={open}
      width={MODAL_WIDTH}
      title={t('form.versionTitle', { version: base.version })}
      okText={t('form.submit')}
      cancelText={t('form.cancel')}
      confirmLoading={create.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      data-testid="version-modal"
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={initialValues}>
        <Space size={16} align="start" style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
          <Form.Item
            name="effectiveFrom"
            label={t('form.effectiveFrom')}
            extra={t('form.effectiveFromHelp', { version: base.version, month: base.effectiveFrom })}
            rules={[{ required: true, message: t('form.effectiveFromRequired') }]}
          >
            <DatePicker picker="month" format={MONTH_FORMAT} data-testid="version-effective-from" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('form.note')} extra={t('form.noteHelp')} rules={[{ required: true, whitespace: true, message: t('form.noteRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={1000} data-testid="version-note" />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('form.sourceHint')}</Typography.Paragraph>
        <Table<ParameterValue> rowKey="key" size="small" pagination={false} columns={columns} dataSource={[...base.values]} />
        {refusal && <Alert type="error" showIcon title={refusal} style={{ marginTop: 12 }} data-testid="version-refusal" />}
      </Form>
    </Modal>
  );
}
