/** Drafting a plan: year × scheme × region (the region and every region under it). */
import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Flex, InputNumber, Select, TreeSelect } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { errorMessage } from '../../lib/errors.ts';
import { regionName, SCHEMES, type Scheme } from '../../lib/labels.ts';
import { useFormat } from '../../lib/use-format.ts';
import { PATHS } from '../../lib/paths.ts';

interface RegionOption { value: number; title: string; disabled: boolean; children: RegionOption[] }

export function NewPlanForm({ defaultYear }: { defaultYear: number }) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const regions = useQuery(trpc.region.tree.queryOptions());
  const [year, setYear] = useState<number>(defaultYear);
  const [scheme, setScheme] = useState<Scheme>('employee');
  const [regionId, setRegionId] = useState<number>();
  const tree = useMemo(() => {
    const nodes = new Map<number, RegionOption>();
    const rows = regions.data ?? [];
    for (const r of rows) nodes.set(r.id, { value: r.id, title: `${regionName(r, fmt.lang)} · ${r.code}`, disabled: !r.accessible, children: [] });
    const roots: RegionOption[] = [];
    for (const r of rows) {
      const parent = r.parentId === null ? undefined : nodes.get(r.parentId);
      (parent ? parent.children : roots).push(nodes.get(r.id) as RegionOption);
    }
    return roots;
  }, [regions.data, fmt.lang]);
  const create = useMutation(trpc.budget.create.mutationOptions({
    onSuccess: (plan) => {
      void queryClient.invalidateQueries({ queryKey: trpc.budget.plans.queryKey() });
      void navigate(PATHS.budgetPlan(plan.id));
    },
    onError: (err) => void message.error(errorMessage(err)),
  }));
  return (
    <Flex gap={8} wrap align="center" data-testid="budget-new-plan">
      <InputNumber<number> aria-label={t('plans.year')} data-testid="budget-new-year" min={2000} max={2100} value={year} onChange={(v) => v !== null && setYear(v)} style={{ width: 110 }} />
      <Select<Scheme> aria-label={t('plans.scheme')} data-testid="budget-new-scheme" value={scheme} onChange={setScheme} style={{ width: 150 }}
        options={SCHEMES.map((s) => ({ value: s, label: t(`common:scheme.${s}`) }))} />
      <TreeSelect<number> aria-label={t('plans.region')} data-testid="budget-new-region" value={regionId} onChange={setRegionId} treeData={tree} treeDefaultExpandAll
        placeholder={t('plans.chooseRegion')} style={{ width: 260 }} showSearch treeNodeFilterProp="title" loading={regions.isPending} />
      <Button type="primary" icon={<PlusOutlined />} disabled={regionId === undefined} loading={create.isPending} data-testid="budget-create"
        onClick={() => regionId !== undefined && create.mutate({ year, scheme, regionId })}>
        {t('plans.create')}
      </Button>
    </Flex>
  );
}
