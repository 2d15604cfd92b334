/** Downloads of the focus region's risk report and disclosure table (`GET /api/report/:kind`, session cookie) as PDF or XLSX. */
import { Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';

export type ReportKind = 'risk' | 'disclosure';

export function reportUrl(kind: ReportKind, format: 'pdf' | 'xlsx', lang: string, regionId: number | undefined, asOf: string | undefined): string {
  const query = new URLSearchParams({ format, lang, ...(regionId ? { regionId: String(regionId) } : {}), ...(asOf ? { asOf } : {}) });
  return `/api/report/${kind}?${query.toString()}`;
}

export function ReportButtons({ regionId, asOf }: { regionId: number | undefined; asOf: string | undefined }) {
  const { t } = useTranslation('dashboard');
  const { lang } = useFormat();
  return (
    <>
      {(['risk', 'disclosure'] as const).map((kind) => (
        <Dropdown
          key={kind}
          trigger={['click']}
          menu={{
            items: (['pdf', 'xlsx'] as const).map((format) => ({
              key: format,
              label: <a href={reportUrl(kind, format, lang, regionId, asOf)} download data-testid={`report-${kind}-${format}`}>{format.toUpperCase()}</a>,
            })),
          }}
        >
          <Button icon={<DownloadOutlined />} data-testid={`report-${kind}`}>{t(`report.${kind}`)}</Button>
        </Dropdown>
      ))}
    </>
  );
}
