/**
 * 某期适用的规则: the national version and the regional overrides in force in a chosen month (the
 * newest ones when none is chosen), i.e. the rules that month's warnings are computed under.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Descriptions, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc.ts';
import { useFormat } from '../../lib/use-format.ts';
import { regionName } from '../../lib/labels.ts';
import { QueryError } from '../../components/ui/query-error.tsx';
import { MONTH_FORMAT } from './edit-rows.ts';

export function InForceCard() {
  const { t } = useTranslation('parameters');
  const fmt = useFormat();
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const inForce = useQuery(trpc.parameters.inForce.queryOptions(period ? { period } : {}));
  const data = inForce.data;
  return (
    <Card title={t('inForce.title')} data-testid="in-force-card">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('inForce.subtitle')}</Typography.Text>
        <DatePicker
          picker="month"
          format={MONTH_FORMAT}
          aria-label={t('inForce.period')}
          placeholder={t('inForce.period')}
          value={period ? dayjs(period, MONTH_FORMAT) : null}
          onChange={(d) => setPeriod(d ? d.format(MONTH_FORMAT) : undefined)}
          data-testid="in-force-period"
        />
        {!period && <Typography.Text type="secondary">{t('inForce.newest')}</Typography.Text>}
        {inForce.isError ? <QueryError error={inForce.error} onRetry={() => void inForce.refetch()} /> : data && (
          <Descriptions size="small" column={1} bordered data-testid="in-force-result">
            <Descriptions.Item label={t('national.title')}>
              <span data-testid="in-force-national">{t('inForce.national', { version: data.national.version, from: data.national.effectiveFrom })}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('inForce.overrides')}>
              {data.overrides.length === 0 ? <Typography.Text type="secondary">{t('inForce.noOverrides')}</Typography.Text> : (
                <Space size={[4, 4]} wrap>
                  {data.overrides.map((o) => (
                    <Tag key={o.setId} data-testid="in-force-override">
                      {t('inForce.override', { region: regionName(o, fmt.lang), scheme: t(`common:scheme.${o.scheme}`), version: o.version, from: o.effectiveFrom })}
                    </Tag>
                  ))}
                </Space>
              )}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Space>
    </Card>
  );
}
