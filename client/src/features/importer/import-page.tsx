/**
 * 数据导入: choose kind, unit and file; 校验 runs the importer without writing and shows the
 * report; only a clean report offers 确认导入, which imports the same bytes in one transaction.
 */
import { useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Radio, Result, Space, Typography } from 'antd';
import { CheckCircleOutlined, FileSearchOutlined, UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc, type RouterInputs } from '../../lib/trpc.ts';
import { apiErrorCode, errorMessage } from '../../lib/errors.ts';
import { MONEY_UNITS, type MoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { IMPORT_KINDS, mayImport, MONEY_KINDS, type ImportGroup, type ImportKind } from './kinds.ts';
import { fileToBase64, hasAcceptedExtension, MAX_FILE_BYTES } from './read-file.ts';
import { ImportReportView, type ImportReport } from './import-report.tsx';

type UploadInput = RouterInputs['importer']['preview'];

const VINTAGE_FORMAT = 'YYYY-MM-DD';

export function ImportPage({ group }: { group: ImportGroup }) {
  const { t } = useTranslation('importer');
  const fmt = useFormat();
  const kinds = IMPORT_KINDS[group];
  const [kind, setKind] = useState<ImportKind>(kinds[0] as ImportKind);
  const [unit, setUnit] = useState<MoneyUnit>('wan');
  const [vintage, setVintage] = useState<string | undefined>(undefined);
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  /** The exact payload the report belongs to; commit sends it unchanged. */
  const [previewed, setPreviewed] = useState<{ input: UploadInput; report: ImportReport } | null>(null);
  const [committed, setCommitted] = useState<ImportReport | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const me = useQuery(trpc.auth.me.queryOptions());
  const role = me.data?.user?.role;
  const allowed = mayImport(role, group);

  const preview = useMutation(trpc.importer.preview.mutationOptions());
  const commit = useMutation(trpc.importer.commit.mutationOptions({
    onSuccess: (report) => {
      setCommitted(report);
      if (report.ok) void queryClient.invalidateQueries();
    },
  }));

  const reset = () => {
    setPreviewed(null);
    setCommitted(null);
    preview.reset();
    commit.reset();
  };
  /** Any change of kind, unit, vintage or file makes an earlier report stale. */
  const change = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    reset();
  };

  const onFile = (chosen: File | undefined) => {
    reset();
    setFileProblem(null);
    setFile(null);
    if (!chosen) return;
    if (!hasAcceptedExtension(chosen.name)) return setFileProblem(t('file.wrongType'));
    if (chosen.size > MAX_FILE_BYTES) return setFileProblem(t('file.tooLarge', { size: fmt.number(MAX_FILE_BYTES / 1024 / 1024) }));
    setFile(chosen);
  };

  const runPreview = async () => {
    if (!file) return;
    reset();
    let contentBase64: string;
    try {
      contentBase64 = await fileToBase64(file);
    } catch (err) {
      return setFileProblem(t('file.readFailed', { message: errorMessage(err) }));
    }
    const input: UploadInput = { kind, unit, fileName: file.name, contentBase64, ...(vintage ? { vintage } : {}) };
    preview.mutate(input, { onSuccess: (report) => setPreviewed({ input, report }) });
  };

  const requestError = preview.error ?? commit.error;
  const requestErrorText = !requestError ? null
    : apiErrorCode(requestError) === 'FORBIDDEN' ? t('common:error.forbiddenText') : errorMessage(requestError);

  if (committed?.ok) {
    return (
      <Card>
        <Result
          status="success"
          data-testid="import-success"
          title={t('success.title')}
          subTitle={t('success.counts', {
            file: committed.fileName,
            inserted: fmt.count(committed.summary.inserted),
            updated: fmt.count(committed.summary.updated),
            unchanged: fmt.count(committed.summary.unchanged),
          })}
          extra={
            <Button type="primary" onClick={() => { reset(); setFile(null); if (fileInput.current) fileInput.current.value = ''; }} data-testid="import-again">
              {t('success.again')}
            </Button>
          }
        />
      </Card>
    );
  }

  const shownReport = committed ?? previewed?.report ?? null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid={`import-page-${group}`}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t(group === 'fund' ? 'title' : 'institutionTitle')}</Typography.Title>
      {!allowed && me.data?.user && (
        <Alert type="warning" showIcon title={t('noPermission', { role: t(`common:role.${me.data.user.role}`) })} data-testid="import-no-permission" />
      )}
      <Card>
        <Form layout="vertical" style={{ maxWidth: 720 }}>
          <Form.Item label={t('kind.label')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              data-testid="import-kind"
              value={kind}
              onChange={(e) => change(setKind)(e.target.value as ImportKind)}
              options={kinds.map((k) => ({ value: k, label: <span data-testid={`import-kind-${k}`}>{t(`kind.${k}`)}</span> }))}
            />
          </Form.Item>
          <Form.Item label={t('unit.label')} extra={MONEY_KINDS.has(kind) ? t('unit.hint') : t('unit.noMoney')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              data-testid="import-unit"
              value={unit}
              onChange={(e) => change(setUnit)(e.target.value as MoneyUnit)}
              options={MONEY_UNITS.map((u) => ({ value: u, label: <span data-testid={`import-unit-${u}`}>{fmt.unitLabel(u)}</span> }))}
            />
          </Form.Item>
          {kind === 'fund_records' && (
            <Form.Item label={t('vintage.label')} extra={t('vintage.hint')}>
              <DatePicker
                data-testid="import-vintage"
                format={VINTAGE_FORMAT}
                value={vintage ? dayjs(vintage, VINTAGE_FORMAT) : null}
                onChange={(d) => change(setVintage)(d ? d.format(VINTAGE_FORMAT) : undefined)}
              />
            </Form.Item>
          )}
          <Form.Item label={t('file.label')} extra={t('file.hint')} validateStatus={fileProblem ? 'error' : undefined} help={fileProblem ?? undefined}>
            <Space wrap>
              <input
                ref={fileInput}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                data-testid="import-file"
                style={{ display: 'none' }}
                onChange={(e) => onFile(e.target.files?.[0])}
              />
              <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()} data-testid="import-choose-file">
                {t('file.choose')}
              </Button>
              <Typography.Text type={file ? undefined : 'secondary'} data-testid="import-file-name">
                {file ? `${file.name} (${fmt.number(file.size / 1024, 1)} KB)` : t('file.none')}
              </Typography.Text>
            </Space>
          </Form.Item>
          <Space wrap>
            <Button
              icon={<FileSearchOutlined />}
              onClick={() => void runPreview()}
              disabled={!file || !allowed}
              loading={preview.isPending}
              data-testid="import-preview"
            >
              {t('preview')}
            </Button>
            {previewed?.report.ok && !committed && (
              <Button
                type="primary"
                icon={<CheckCircleOutlined />}
                onClick={() => commit.mutate(previewed.input)}
                loading={commit.isPending}
                disabled={!allowed}
                data-testid="import-commit"
              >
                {t('commit')}
              </Button>
            )}
          </Space>
        </Form>
      </Card>
      {requestErrorText && <Alert type="error" showIcon title={t('requestFailed')} description={requestErrorText} data-testid="import-request-error" />}
      {shownReport && <ImportReportView report={shownReport} />}
    </Space>
  );
}
