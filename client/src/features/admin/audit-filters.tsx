/** Filters of the audit log (user, action prefix, entity, UTC days) and the export links that carry them. */
import { AutoComplete, Button, DatePicker, Form, Input, Space, Tooltip } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ACTION_PREFIXES, AUDIT_ENTITIES } from './audit-vocabulary.ts';

export interface AuditFilter {
  username?: string;
  actionPrefix?: string;
  entity?: string;
  fromDate?: string;
  toDate?: string;
}

interface FormValues {
  username?: string;
  actionPrefix?: string;
  entity?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

const DAY_FORMAT = 'YYYY-MM-DD';

export function auditExportUrl(filter: AuditFilter, format: 'xlsx' | 'csv'): string {
  const query = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
  return `/api/audit/export?${query.toString()}`;
}

/** Form values → the API filter: trimmed text, days as YYYY-MM-DD (the picker's calendar day is taken as the UTC day). */
function toFilter(v: FormValues): AuditFilter {
  const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const [from, to] = v.dates ?? [null, null];
  const filter: AuditFilter = {};
  const entries: [keyof AuditFilter, string | undefined][] = [
    ['username', text(v.username)], ['actionPrefix', text(v.actionPrefix)], ['entity', text(v.entity)],
    ['fromDate', from?.format(DAY_FORMAT)], ['toDate', to?.format(DAY_FORMAT)],
  ];
  for (const [key, value] of entries) if (value) filter[key] = value;
  return filter;
}

export function AuditFilters({ value, onChange }: { value: AuditFilter; onChange: (f: AuditFilter) => void }) {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<FormValues>();
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Form<FormValues> form={form} layout="inline" onFinish={(v) => onChange(toFilter(v))} data-testid="audit-filters" style={{ rowGap: 12 }}>
        <Form.Item name="username" label={t('audit.username')}>
          <Input allowClear style={{ width: 140 }} data-testid="audit-filter-username" />
        </Form.Item>
        <Form.Item name="actionPrefix" label={t('audit.action')}>
          <AutoComplete
            allowClear
            style={{ width: 230 }}
            placeholder={t('audit.actionPlaceholder')}
            options={ACTION_PREFIXES.map((p) => ({ value: p }))}
            filterOption={(input, option) => (option?.value ?? '').startsWith(input)}
            data-testid="audit-filter-action"
          />
        </Form.Item>
        <Form.Item name="entity" label={t('audit.entity')}>
          <AutoComplete allowClear style={{ width: 140 }} options={AUDIT_ENTITIES.map((e) => ({ value: e }))} data-testid="audit-filter-entity" />
        </Form.Item>
        <Form.Item name="dates" label={t('audit.dates')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} format={DAY_FORMAT} data-testid="audit-filter-dates" />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="audit-search">{t('audit.search')}</Button>
            <Button onClick={() => { form.resetFields(); onChange({}); }}>{t('audit.reset')}</Button>
          </Space>
        </Form.Item>
      </Form>
      <Space size={8}>
        <Tooltip title={t('audit.exportHint')}>
          <Button size="small" icon={<DownloadOutlined />} href={auditExportUrl(value, 'xlsx')} download data-testid="audit-export-xlsx">
            {t('audit.export')} XLSX
          </Button>
        </Tooltip>
        <Button size="small" icon={<DownloadOutlined />} href={auditExportUrl(value, 'csv')} download data-testid="audit-export-csv">
          {t('audit.export')} CSV
        </Button>
      </Space>
    </Space>
  );
}
