/** Region tree, scheme, tier and as-of month filters of the overview. */
import { Button, DatePicker, Flex, Select, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { TIER_COLORS, TIERS_BY_URGENCY } from '../../lib/theme.ts';
import { SCHEMES } from '../../lib/labels.ts';
import type { RegionTreeOption } from './region-tree.ts';
import type { OverviewFilters as Filters } from './types.ts';

const MONTH_FORMAT = 'YYYY-MM';

export interface OverviewFiltersProps {
  value: Filters;
  onChange: (next: Filters) => void;
  regionOptions: RegionTreeOption[];
  regionsLoading: boolean;
}

export function OverviewFilters({ value, onChange, regionOptions, regionsLoading }: OverviewFiltersProps) {
  const { t } = useTranslation('overview');
  return (
    <Flex gap={12} wrap align="center" data-testid="overview-filters">
      <TreeSelect<number>
        style={{ minWidth: 240 }}
        placeholder={t('filters.region')}
        aria-label={t('filters.region')}
        data-testid="filter-region"
        allowClear
        showSearch={{ treeNodeFilterProp: 'title' }}
        loading={regionsLoading}
        treeData={regionOptions}
        treeDefaultExpandedKeys={regionOptions.map((o) => o.value)}
        value={value.regionId}
        onChange={(regionId) => onChange({ ...value, regionId: regionId ?? undefined })}
      />
      <Select<string>
        style={{ minWidth: 180 }}
        placeholder={t('filters.scheme')}
        aria-label={t('filters.scheme')}
        data-testid="filter-scheme"
        allowClear
        value={value.scheme}
        options={SCHEMES.map((s) => ({ value: s, label: t(`common:scheme.${s}`) }))}
        onChange={(scheme) => onChange({ ...value, scheme: scheme ?? undefined })}
      />
      <Select<string>
        style={{ minWidth: 150 }}
        placeholder={t('filters.tier')}
        aria-label={t('filters.tier')}
        data-testid="filter-tier"
        allowClear
        value={value.tier}
        options={TIERS_BY_URGENCY.map((tier) => ({
          value: tier,
          label: <span style={{ color: TIER_COLORS[tier] }}>● {t(`common:tier.${tier}`)}</span>,
        }))}
        onChange={(tier) => onChange({ ...value, tier: tier ?? undefined })}
      />
      <DatePicker
        picker="month"
        placeholder={t('filters.asOf')}
        aria-label={t('filters.asOf')}
        data-testid="filter-as-of"
        format={MONTH_FORMAT}
        value={value.asOf ? dayjs(value.asOf, MONTH_FORMAT) : null}
        onChange={(d) => onChange({ ...value, asOf: d ? d.format(MONTH_FORMAT) : undefined })}
      />
      <Button onClick={() => onChange({})} data-testid="filter-reset">{t('filters.reset')}</Button>
    </Flex>
  );
}
