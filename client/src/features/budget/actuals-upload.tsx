/** Upload of monthly actual payments (CSV or XLSX: institution_code, period, amount); a bad file is refused whole, every problem listed. */
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc, type RouterOutputs } from '../../lib/trpc.ts';
import { errorMessage } from '../../lib/errors.ts';

type Report = RouterOutputs['budget']['importActuals'];

/** Bytes as base64, in chunks (spreading a large file into one call would overflow the argument stack). */
async function toBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function ActualsUpload({ planId }: { planId: number }) {
  const { t } = useTranslation('budget');
  const { message } = App.useApp();
  const [report, setReport] = useState<Report>();
  const upload = useMutation(trpc.budget.importActuals.mutationOptions({
    onSuccess: (r) => {
      setReport(r);
      if (r.ok) void queryClient.invalidateQueries({ queryKey: trpc.budget.pathKey() });
    },
    onError: (err) => void message.error(errorMessage(err)),
  }));
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Space wrap>
        <span data-testid="budget-actuals-upload">
        <Upload accept=".csv,.xlsx" showUploadList={false}
          beforeUpload={(file) => { void toBase64(file).then((contentBase64) => upload.mutate({ planId, fileName: file.name, contentBase64 })); return false; }}>
          <Button icon={<UploadOutlined />} loading={upload.isPending}>{t('monitor.upload')}</Button>
        </Upload>
        </span>
        <Typography.Text type="secondary">{t('monitor.uploadHint')}</Typography.Text>
      </Space>
      {report?.ok && <Alert type="success" showIcon data-testid="budget-actuals-ok" title={t('monitor.imported', { file: report.fileName, ...report.summary, periods: report.periods.join(', ') })} />}
      {report && !report.ok && (
        <Alert type="error" showIcon data-testid="budget-actuals-errors" title={t('monitor.refused', { file: report.fileName, count: report.errorCount })}
          description={<Table size="small" pagination={false} rowKey={(e) => `${e.row}-${e.column}-${e.rule}`} dataSource={report.errors.slice(0, 50)}
            columns={[{ title: t('monitor.row'), dataIndex: 'row', width: 60 }, { title: t('monitor.column'), dataIndex: 'column', width: 120 }, { title: t('monitor.problem'), dataIndex: 'message' }]} />} />
      )}
    </Space>
  );
}
