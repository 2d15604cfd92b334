/**
 * 基金总览: every fund the user may see with its payable months and tier. The leadership and the
 * actuarial workspaces show the same figures; the title says which workspace it is.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc.ts';
import { useFormat } from '../../lib/use-format.ts';
import { QueryError } from '../../components/ui/query-error.tsx';
import { ParameterNote } from '../../components/ui/parameter-note.tsx';
import { OverviewFilters } from './overview-filters.tsx';
import { OverviewTable } from './overview-table.tsx';
import { TierKpis } from './tier-kpis.tsx';
import { countByTier, employeePoolingBalance } from './overview-stats.ts';
import { buildRegionOptions, parentMap } from './region-tree.ts';
import { useOverviewFilters } from './use-overview-filters.ts';
import type { Scheme } from '../../lib/labels.ts';

export function OverviewPage({ workspace }: { workspace: 'leadership' | 'actuarial' }) {
  const { t } = useTranslation('overview');
  const fmt = useFormat();
  const [filters, setFilters] = useOverviewFilters();
  // The tier filter is applied here, not on the server, so the KPI strip keeps showing every tier.
  const overview = useQuery({
    ...trpc.fund.overview.queryOptions({ asOf: filters.asOf, scheme: filters.scheme as Scheme | undefined, regionId: filters.regionId }),
    placeholderData: (prev) => prev,
  });
  const regions = useQuery(trpc.region.tree.queryOptions());

  const regionOptions = useMemo(() => buildRegionOptions(regions.data ?? [], fmt.lang), [regions.data, fmt.lang]);
  const allRows = useMemo(() => overview.data?.rows ?? [], [overview.data]);
  const rows = useMemo(() => (filters.tier ? allRows.filter((r) => r.tier === filters.tier) : allRows), [allRows, filters.tier]);
  const counts = useMemo(() => countByTier(allRows), [allRows]);
  const balance = useMemo(() => employeePoolingBalance(allRows, parentMap(regions.data ?? [])), [allRows, regions.data]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid={`overview-page-${workspace}`}>
      <Flex align="baseline" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('title')}</Typography.Title>
        <Typography.Text type="secondary">{t(`common:workspace.${workspace}`)}</Typography.Text>
      </Flex>
      {overview.isError ? (
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <TierKpis
            counts={counts}
            balance={balance}
            selectedTier={filters.tier}
            onSelectTier={(tier) => setFilters({ ...filters, tier })}
          />
          <Card>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <OverviewFilters value={filters} onChange={setFilters} regionOptions={regionOptions} regionsLoading={regions.isPending} />
              <OverviewTable rows={rows} loading={overview.isFetching} />
              {overview.data && (
                <ParameterNote
                  denominator={overview.data.params.denominator}
                  thresholds={overview.data.params.thresholds}
                  parameterEntries={overview.data.parameterEntries}
                  parameterVersion={overview.data.parameterVersion}
                />
              )}
            </Space>
          </Card>
        </>
      )}
    </Space>
  );
}
