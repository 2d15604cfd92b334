/** Who the fund is (region, scheme, caliber) and where it stands (latest tier and payable months). */
import { Card, Descriptions, Flex, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { fundNameKey, regionName } from '../../lib/labels.ts';
import { TIER_COLORS } from '../../lib/theme.ts';
import { TierTag } from '../../components/ui/tier-tag.tsx';
import { FlagTags } from '../../components/ui/flag-tags.tsx';
import type { FundDetail } from './types.ts';

export function FundHeader({ detail }: { detail: FundDetail }) {
  const { t } = useTranslation('fundDetail');
  const fmt = useFormat();
  const { fund, region } = detail;
  const latest = detail.records.at(-1);
  const balanceUnit = pickMoneyUnit([latest?.balanceYuan]);
  const expenditureUnit = pickMoneyUnit([latest?.annualExpenditureYuan]);
  return (
    <Card data-testid="fund-header">
      <Flex justify="space-between" align="flex-start" gap={24} wrap>
        <Space orientation="vertical" size={4}>
          <Space size={8} wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="fund-title">
              {regionName(region, fmt.lang)} · {t(`common:${fundNameKey(fund.scheme, fund.account)}`)}
            </Typography.Title>
            <TierTag tier={latest?.tier} />
            {region.synthetic && <Tag>{t('common:synthetic')}</Tag>}
          </Space>
          {latest && <FlagTags flags={latest.flags} />}
        </Space>
        <Space size={32} wrap>
          <Statistic
            title={t('payableMonths')}
            value={fmt.months(latest?.payableMonths)}
            styles={{ content: { color: latest?.tier ? TIER_COLORS[latest.tier] : undefined } }}
            data-testid="fund-payable-months"
          />
          <Statistic title={t('latestBalance')} value={fmt.money(latest?.balanceYuan, balanceUnit)} />
        </Space>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3, xxl: 4 }}
        style={{ marginTop: 16 }}
        items={[
          { key: 'region', label: t('regionCode'), children: `${t(`common:level.${region.level}`)} · ${region.code}` },
          { key: 'scheme', label: t('scheme'), children: `${t(`common:scheme.${fund.scheme}`)} · ${t(`common:account.${fund.account}`)}` },
          { key: 'caliber', label: t('caliber'), children: t(`common:caliber.${fund.caliber}`, { defaultValue: fund.caliber }) },
          { key: 'periodKind', label: t('periodKind'), children: t(`common:periodKind.${fund.periodKind}`) },
          { key: 'latestPeriod', label: t('latestPeriod'), children: fmt.period(latest?.period) },
          { key: 'annualExpenditure', label: t('annualExpenditure'), children: fmt.money(latest?.annualExpenditureYuan, expenditureUnit) },
          { key: 'vintage', label: t('vintage'), children: latest?.vintage ?? '—' },
          // the source is stored data (a citation), shown in the words it was given in
          ...(region.source ? [{ key: 'source', label: t('source'), children: <span data-testid="fund-source">{region.source}</span> }] : []),
        ]}
      />
    </Card>
  );
}
