/** The importer's report: counts, and either the errors (nothing imported) or the changes it would make. */
import { Alert, Card, Collapse, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import type { RouterOutputs } from '../../lib/trpc.ts';

export type ImportReport = RouterOutputs['importer']['preview'];
type ImportError = ImportReport['errors'][number];
type ImportChange = ImportReport['changes'][number];

const ERROR_PAGE_SIZE = 20;
const CHANGE_PAGE_SIZE = 10;

const ACTION_COLORS: Record<string, string> = { insert: 'green', update: 'blue', unchanged: 'default' };

function compact(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation('importer');
  const fmt = useFormat();
  const verb = report.dryRun ? 'wouldBe' : 'were';

  const errorColumns: TableColumnsType<ImportError> = [
    { title: t('errors.file'), dataIndex: 'file', width: 200, ellipsis: true },
    { title: t('errors.row'), dataIndex: 'row', width: 80, align: 'right', render: (v: number | null) => (v === null ? '—' : fmt.count(v)) },
    { title: t('errors.column'), dataIndex: 'column', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('errors.rule'), dataIndex: 'rule', width: 180, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('errors.message'), dataIndex: 'message' },
  ];
  const changeColumns: TableColumnsType<ImportChange> = [
    { title: t('changes.key'), dataIndex: 'key', width: 240 },
    {
      title: t('changes.action'),
      dataIndex: 'action',
      width: 100,
      render: (a: string) => <Tag color={ACTION_COLORS[a] ?? 'default'}>{t(`changes.actions.${a}`, { defaultValue: a })}</Tag>,
    },
    { title: t('changes.before'), dataIndex: 'before', ellipsis: true, render: (v: unknown) => <Typography.Text type="secondary">{compact(v)}</Typography.Text> },
    { title: t('changes.after'), dataIndex: 'after', ellipsis: true, render: (v: unknown) => compact(v) },
  ];

  return (
    <Card title={t(report.dryRun ? 'report.previewTitle' : 'report.commitTitle')} data-testid="import-report">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          data-testid="import-summary"
          items={[
            { key: 'file', label: t('report.file'), children: report.fileName },
            { key: 'encoding', label: t('report.encoding'), children: report.encoding },
            { key: 'unit', label: t('report.unit'), children: fmt.unitLabel(report.unit) },
            { key: 'rowsRead', label: t('report.rowsRead'), children: <span data-testid="import-rows-read">{fmt.count(report.rowsRead)}</span> },
            { key: 'inserted', label: t(`report.inserted.${verb}`), children: <span data-testid="import-inserted">{fmt.count(report.summary.inserted)}</span> },
            { key: 'updated', label: t(`report.updated.${verb}`), children: <span data-testid="import-updated">{fmt.count(report.summary.updated)}</span> },
            { key: 'unchanged', label: t('report.unchanged'), children: <span data-testid="import-unchanged">{fmt.count(report.summary.unchanged)}</span> },
          ]}
        />

        {!report.ok && (
          <>
            <Alert type="error" showIcon title={t('report.errorsAlert', { count: report.errors.length })} data-testid="import-error-alert" />
            <Table<ImportError>
              data-testid="import-errors"
              size="small"
              rowKey={(e) => `${e.row ?? ''}|${e.column ?? ''}|${e.rule}|${e.message}`}
              columns={errorColumns}
              dataSource={report.errors}
              pagination={{ defaultPageSize: ERROR_PAGE_SIZE, hideOnSinglePage: true }}
              scroll={{ x: 800 }}
            />
          </>
        )}
        {report.ok && report.dryRun && <Alert type="success" showIcon title={t('report.okAlert')} data-testid="import-ok-alert" />}
        {report.ok && report.changes.length > 0 && (
          <Collapse
            size="small"
            items={[{
              key: 'changes',
              label: t('changes.title', { count: report.changes.length }),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {report.changesTruncated && <Typography.Text type="secondary">{t('changes.truncated', { count: report.changes.length })}</Typography.Text>}
                  <Table<ImportChange>
                    data-testid="import-changes"
                    size="small"
                    rowKey={(c) => `${c.key}|${c.action}`}
                    columns={changeColumns}
                    dataSource={report.changes}
                    pagination={{ defaultPageSize: CHANGE_PAGE_SIZE, hideOnSinglePage: true }}
                  />
                </Space>
              ),
            }]}
          />
        )}
      </Space>
    </Card>
  );
}
