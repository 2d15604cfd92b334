/**
 * 新增或修改地区调整: a region and scheme, then any of the overridable values (empty: the national
 * value applies), each with provenance and source, the month it takes effect and a note. Saving
 * writes the next version of that region's override; leaving every value empty ends it.
 */
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { useFormat } from '../../lib/use-format.ts';
import { MONTH_FORMAT, toInput, toRow, type EditForm } from './edit-rows.ts';
import { keyLabel, regionLabel } from './parameter-values.ts';
import { parameterRefusal } from './refusals.ts';
import { ProvenanceCell, SourceCell, ValueCell, isFilled, type RowValues } from './value-fields.tsx';
import { WARNING_SCHEMES, type ParameterList, type ParameterValue, type WarningScheme } from './types.ts';

const MODAL_WIDTH = 1180;
type OverrideKey = ParameterList['overrideKeys'][number];
interface OverrideForm extends EditForm {
  regionId: number | undefined;
  scheme: WarningScheme;
}

const emptyRow: RowValues = { value: null, provenance: 'practice', source: '' };

export function OverrideModal({ open, list, onClose, onSaved }: { open: boolean; list: ParameterList; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('parameters');
  const fmt = useFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<OverrideForm>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const regions = useQuery({ ...trpc.region.tree.queryOptions(), enabled: open });
  const regionId = Form.useWatch<number | undefined>('regionId', form);
  const scheme = Form.useWatch<WarningScheme | undefined>('scheme', form);
  const chain = list.overrides.find((o) => o.regionId === regionId && o.scheme === scheme);
  const newest = chain?.versions[0];

  const regionOptions = useMemo(() => {
    const all = regions.data ?? [];
    const byId = new Map(all.map((r) => [r.id, r]));
    const depth = (id: number | null): number => (id === null ? 0 : 1 + depth(byId.get(id)?.parentId ?? null));
    return all.filter((r) => r.accessible).map((r) => ({ value: r.id, label: `${'\u3000'.repeat(depth(r.parentId))}${regionLabel({ regionName: r.name, regionNameEn: r.nameEn, regionCode: r.code }, fmt.lang)}` }));
  }, [regions.data, fmt.lang]);

  useEffect(() => { if (open) setRefusal(null); }, [open]);
  // the modal's content is destroyed when hidden: each opening starts empty, and a chosen region and
  // scheme start from that override's newest values (or none)
  const rowsOf = (current: readonly ParameterValue[]) => {
    const byKey = new Map(current.map((v) => [v.key, toRow(v)]));
    return Object.fromEntries(list.overrideKeys.map((k) => [k.key, byKey.get(k.key) ?? emptyRow]));
  };
  useEffect(() => {
    if (open && regionId !== undefined) form.setFieldsValue({ values: rowsOf(chain?.current ?? []) });
  }, [open, regionId, chain]); // not on every render: only when the chosen override changes

  const save = useMutation(trpc.parameters.setOverride.mutationOptions({
    onSuccess: (saved) => {
      void message.success(t('form.overrideSaved', { version: saved.version, from: saved.effectiveFrom }));
      void queryClient.invalidateQueries();
      onSaved();
    },
    onError: (err) => setRefusal(parameterRefusal(err, t)),
  }));

  const submit = async () => {
    const v = await form.validateFields();
    const values = list.overrideKeys.flatMap((k) => {
      const row = v.values[k.key];
      return row && isFilled(row.value) ? [toInput(k.key, k.unit, row as RowValues & { value: number | string })] : [];
    });
    save.mutate({ regionId: v.regionId as number, scheme: v.scheme, effectiveFrom: v.effectiveFrom?.format(MONTH_FORMAT) ?? '', note: v.note, values });
  };

  const columns: TableColumnsType<OverrideKey> = [
    { title: t('column.parameter'), dataIndex: 'key', width: 230, render: (key: string) => t(keyLabel(key)) },
    { title: t('column.value'), key: 'value', width: 220, render: (_, k) => <ValueCell keyName={k.key} unit={k.unit} optional /> },
    { title: t('column.provenance'), key: 'provenance', width: 140, render: (_, k) => <ProvenanceCell keyName={k.key} /> },
    { title: t('column.source'), key: 'source', render: (_, k) => <SourceCell keyName={k.key} optional /> },
  ];

  return (
    <Modal
      open={open}
      width={MODAL_WIDTH}
      title={t('form.overrideTitle')}
      okText={t('form.submit')}
      cancelText={t('form.cancel')}
      confirmLoading={save.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      data-testid="override-modal"
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ scheme: 'employee', note: '', effectiveFrom: null, values: rowsOf([]) }}>
        <Space size={16} align="start" style={{ width: '100%' }} styles={{ item: { flex: 1 } }}>
          <Form.Item name="regionId" label={t('form.region')} rules={[{ required: true, message: t('form.regionRequired') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={regionOptions} loading={regions.isPending} data-testid="override-region" />
          </Form.Item>
          <Form.Item name="scheme" label={t('form.scheme')}>
            <Select options={WARNING_SCHEMES.map((s) => ({ value: s, label: t(`common:scheme.${s}`) }))} data-testid="override-scheme" />
          </Form.Item>
          <Form.Item
            name="effectiveFrom"
            label={t('form.effectiveFrom')}
            extra={newest ? t('form.effectiveFromHelp', { version: newest.version, month: newest.effectiveFrom }) : t('form.effectiveFromFirst')}
            rules={[{ required: true, message: t('form.effectiveFromRequired') }]}
          >
            <DatePicker picker="month" format={MONTH_FORMAT} data-testid="override-effective-from" style={{ width: '100%' }} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('form.note')} extra={t('form.noteHelp')} rules={[{ required: true, whitespace: true, message: t('form.noteRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={1000} data-testid="override-note" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('form.overrideHint')}</Typography.Paragraph>
        <Table<OverrideKey> rowKey="key" size="small" pagination={false} columns={columns} dataSource={[...list.overrideKeys]} />
        {refusal && <Alert type="error" showIcon title={refusal} style={{ marginTop: 12 }} data-testid="override-refusal" />}
      </Form>
    </Modal>
  );
}
