/**
 * 精算预测 at `/actuarial/projection?id=&tab=&compare=`: the actuary's projection workbench
 * (domain.md §6.2–6.4). Scenarios listed by lineage; a new one calibrated from a fund or started
 * from the interfaces.md example; the editor saving immutable versions; results of deterministic and
 * Monte Carlo runs with their XLSX export; the sensitivity tornado; comparison of up to four versions.
 * Every figure comes from the server.
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Space, Tabs, Tag, Typography } from 'antd';
import { ExperimentOutlined, FileAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { errorMessage } from '../../lib/errors.ts';
import { PageSpin } from '../../components/ui/page-spin.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { CalibrateDialog } from './calibrate-dialog.tsx';
import { ComparisonPanel } from './comparison-panel.tsx';
import { INTERFACES_EXAMPLE } from './example-scenario.ts';
import { ResultsPanel } from './results-panel.tsx';
import { ScenarioEditor } from './scenario-editor.tsx';
import { ScenarioList } from './scenario-list.tsx';
import { isNewestVersion } from './scenario-rows.ts';
import { SensitivityPanel } from './sensitivity-panel.tsx';
import { serverIssueLines } from './server-issues.ts';
import { draftOfVersion, useScenarioDraft } from './use-scenario-draft.ts';
import { useProjectionParams, type ProjectionTab } from './use-projection-params.ts';
import type { ScenarioVersion } from './types.ts';

/** Roles with the `project` permission (server/auth/permissions.ts): they save and run; others read. */
const PROJECT_ROLES: ReadonlySet<string> = new Set(['admin', 'actuary']);

export function ProjectionPage() {
  const { t } = useTranslation('projection');
  const { message } = App.useApp();
  const [params, setParams] = useProjectionParams();
  const me = useQuery(trpc.auth.me.queryOptions());
  const canEdit = PROJECT_ROLES.has(me.data?.user?.role ?? '');
  const overview = useQuery(trpc.fund.overview.queryOptions({}));
  const list = useQuery(trpc.projection.scenarios.queryOptions({}));
  const { version, loaded, draft, setDraft, dirty } = useScenarioDraft(params.id);
  const history = useQuery({ ...trpc.projection.scenarios.queryOptions({ lineage: loaded?.lineage ?? '' }), enabled: loaded !== undefined });
  const [calibrating, setCalibrating] = useState<{ open: boolean; loading: boolean; error: unknown }>({ open: false, loading: false, error: null });

  const open = (id: number, tab: ProjectionTab = params.tab) => setParams({ ...params, id, tab });
  const afterSave = (saved: ScenarioVersion, text: string) => {
    void queryClient.invalidateQueries({ queryKey: trpc.projection.scenarios.queryKey() });
    // The new version opens from the cache: the draft follows the URL (use-scenario-draft.ts).
    queryClient.setQueryData(trpc.projection.scenario.queryKey({ id: saved.id }), saved);
    open(saved.id, 'edit');
    void message.success({ content: text, key: 'scenario-save' });
  };
  const create = useMutation(trpc.projection.createScenario.mutationOptions({ onSuccess: (v) => afterSave(v, t('saved', { name: v.name, version: v.version })) }));
  const revise = useMutation(trpc.projection.reviseScenario.mutationOptions({ onSuccess: (v) => afterSave(v, t('saved', { name: v.name, version: v.version })) }));
  const clone = useMutation(trpc.projection.cloneScenario.mutationOptions({
    onSuccess: (v) => afterSave(v, t('cloned', { name: v.name })),
    onError: (err) => void message.error(errorMessage(err)),
  }));
  const saveError = create.error ?? revise.error;

  const startCalibrated = async (fundId: number) => {
    setCalibrating({ open: true, loading: true, error: null });
    try {
      const c = await queryClient.fetchQuery(trpc.projection.calibrate.queryOptions({ fundId }));
      setDraft({ scenario: c.scenario, regionId: c.regionId, fundId: c.fundId, dataVintage: c.dataVintage, origin: 'calibrated', notes: c.notes, calibrated: c.scenario });
      setParams({ ...params, id: undefined, tab: 'edit' });
      setCalibrating({ open: false, loading: false, error: null });
    } catch (error) {
      setCalibrating({ open: true, loading: false, error });
    }
  };
  const startBlank = () => {
    setDraft({ scenario: INTERFACES_EXAMPLE, origin: 'example' });
    setParams({ ...params, id: undefined, tab: 'edit' });
  };
  const save = (note: string) => {
    if (!draft) return;
    create.reset();
    revise.reset();
    const extra = note === '' ? {} : { note };
    if (draft.fromId === undefined) {
      create.mutate({ scenario: draft.scenario, regionId: draft.regionId ?? null, fundId: draft.fundId ?? null, ...(draft.dataVintage ? { dataVintage: draft.dataVintage } : {}), ...extra });
    } else {
      revise.mutate({ fromId: draft.fromId, scenario: draft.scenario, ...extra });
    }
  };

  const fund = overview.data?.rows.find((f) => f.fundId === draft?.fundId);
  const thresholds = overview.data?.params.thresholds;
  const saved = draft?.fromId !== undefined && loaded !== undefined;
  const tab = saved ? params.tab : 'edit';
  const compareIds = params.compare.length > 0 ? params.compare : loaded ? [loaded.id] : [];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="projection-page">
      <Flex align="baseline" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('title')}</Typography.Title>
        <Typography.Text type="secondary">{t('common:workspace.actuarial')}</Typography.Text>
      </Flex>
      <Card
        title={t('list.title')}
        extra={(
          <Space wrap>
            <Button icon={<ExperimentOutlined />} disabled={!canEdit} onClick={() => setCalibrating({ open: true, loading: false, error: null })} data-testid="new-from-fund">
              {t('list.newFromFund')}
            </Button>
            <Button icon={<FileAddOutlined />} disabled={!canEdit} onClick={startBlank} data-testid="new-blank">{t('list.newBlank')}</Button>
          </Space>
        )}
      >
        {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : (
          <ScenarioList
            rows={list.data ?? []}
            loading={list.isPending}
            openId={params.id}
            canClone={canEdit}
            cloning={clone.isPending}
            onOpen={(id) => open(id, 'edit')}
            onClone={(fromId, preset) => clone.mutate({ fromId, preset })}
          />
        )}
      </Card>
      {params.id !== undefined && version.isError && <QueryError error={version.error} />}
      {params.id !== undefined && version.isPending && <PageSpin />}
      {draft && (
        <Card
          data-testid="workbench"
          title={(
            <Space size={8} wrap>
              <span data-testid="workbench-title">{draft.scenario.name || t('untitled')}</span>
              {saved ? <Tag color="blue">v{loaded.version}</Tag> : <Tag color="gold">{t('unsaved')}</Tag>}
              {dirty && <Tag color="orange">{t('edited')}</Tag>}
            </Space>
          )}
        >
          <Tabs
            activeKey={tab}
            onChange={(key) => setParams({ ...params, tab: key as ProjectionTab })}
            items={[
              {
                key: 'edit',
                label: <span data-testid="tab-edit">{t('tab.edit')}</span>,
                children: (
                  <ScenarioEditor
                    key={draft.fromId ?? 'new'}
                    draft={draft}
                    onChange={setDraft}
                    version={saved ? loaded : undefined}
                    fund={fund}
                    calibrationNotes={draft.notes}
                    canEdit={canEdit}
                    isNewest={!saved || isNewestVersion(history.data ?? [], loaded)}
                    dirty={dirty}
                    saving={create.isPending || revise.isPending}
                    serverErrors={saveError ? serverIssueLines(errorMessage(saveError)) : []}
                    onSave={save}
                    onDiscard={() => loaded && setDraft(draftOfVersion(loaded))}
                    versions={history.data ?? []}
                    versionsLoading={history.isPending && loaded !== undefined}
                    onOpenVersion={(id) => open(id, 'edit')}
                  />
                ),
              },
              {
                key: 'results',
                disabled: !saved,
                label: <span data-testid="tab-results">{t('tab.results')}</span>,
                children: saved && thresholds ? <ResultsPanel key={loaded.id} scenarioId={loaded.id} canRun={canEdit} thresholds={thresholds} /> : <PageSpin />,
              },
              {
                key: 'sensitivity',
                disabled: !saved,
                label: <span data-testid="tab-sensitivity">{t('tab.sensitivity')}</span>,
                children: saved ? <SensitivityPanel key={loaded.id} scenarioId={loaded.id} scenario={loaded.scenario} /> : null,
              },
              {
                key: 'compare',
                disabled: !saved,
                label: <span data-testid="tab-compare">{t('tab.compare')}</span>,
                children: saved && thresholds
                  ? <ComparisonPanel ids={compareIds} versions={list.data ?? []} thresholds={thresholds} onChange={(ids) => setParams({ ...params, compare: ids })} />
                  : null,
              },
            ]}
          />
        </Card>
      )}
      <CalibrateDialog
        open={calibrating.open}
        funds={overview.data?.rows ?? []}
        loading={calibrating.loading}
        error={calibrating.error}
        onCancel={() => setCalibrating({ open: false, loading: false, error: null })}
        onPick={(fundId) => void startCalibrated(fundId)}
      />
    </Space>
  );
}
