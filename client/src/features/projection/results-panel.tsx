/**
 * Results of the open version: running it, the headline figures, the balance and payable-months
 * fans (deterministic line, Monte Carlo bands, tier bands behind the months), the tier-probability
 * heatmap and the deficit waterfall. Shows the newest finished run of each kind stored for the version.
 */
import { useCallback, useMemo, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Card, Col, Empty, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { errorMessage } from '../../lib/errors.ts';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { FanChart } from './fan-chart.tsx';
import { fanRange, fanRows } from './fan-rows.ts';
import { HeadlineCards } from './headline-cards.tsx';
import { RunControls, PATHS_RANGE } from './run-controls.tsx';
import { TierHeatmap } from './tier-heatmap.tsx';
import { WaterfallChart } from './waterfall-chart.tsx';
import { activeRun, latestDone } from './run-selection.ts';
import { useRunProgress } from './use-run-progress.ts';
import { useTierLabels } from './use-tier-labels.ts';
import type { TierThresholds } from './types.ts';

export interface ResultsPanelProps {
  scenarioId: number;
  canRun: boolean;
  thresholds: TierThresholds;
}

const DEFAULT_TARGET_MONTHS = 6;

export function ResultsPanel({ scenarioId, canRun, thresholds }: ResultsPanelProps) {
  const { t } = useTranslation('projection');
  const fmt = useFormat();
  const tiers = useTierLabels();
  const { message } = App.useApp();
  const [paths, setPaths] = useState<number>(PATHS_RANGE.default);
  const [seed, setSeed] = useState<number>();
  const [watchId, setWatchId] = useState<number>();
  const [targetMonths, setTargetMonths] = useState(DEFAULT_TARGET_MONTHS);

  const runs = useQuery(trpc.projection.runs.queryOptions({ scenarioId }));
  const list = runs.data ?? [];
  const det = latestDone(list, 'deterministic');
  const sto = latestDone(list, 'stochastic');
  const watching = watchId ?? activeRun(list)?.id;
  const detRun = useQuery({ ...trpc.projection.runStatus.queryOptions({ runId: det?.id ?? 0 }), enabled: det !== undefined, staleTime: Infinity });
  const stoRun = useQuery({ ...trpc.projection.runStatus.queryOptions({ runId: sto?.id ?? 0 }), enabled: sto !== undefined, staleTime: Infinity });
  const solve = useQuery(trpc.projection.solve.queryOptions({ scenarioId, targetMonths }));

  const refreshRuns = useCallback(() => void queryClient.invalidateQueries({ queryKey: trpc.projection.runs.queryKey({ scenarioId }) }), [scenarioId]);
  const { progress, error: progressError } = useRunProgress(watching, refreshRuns);

  const run = useMutation(trpc.projection.run.mutationOptions({
    onSuccess: (r) => {
      if (r.kind === 'stochastic') setWatchId(r.id);
      refreshRuns();
    },
    onError: (err) => void message.error(errorMessage(err)),
  }));
  const cancel = useMutation(trpc.projection.cancel.mutationOptions({
    onSuccess: refreshRuns,
    onError: (err) => void message.error(errorMessage(err)),
  }));

  const projection = detRun.data?.deterministic ?? undefined;
  const stochastic = stoRun.data?.stochastic ?? undefined;
  const balanceRows = useMemo(() => fanRows(
    projection?.years.map((y) => ({ year: y.year, value: y.balanceYuan })),
    stochastic && { years: stochastic.years, table: stochastic.percentiles.balance },
  ), [projection, stochastic]);
  const monthRows = useMemo(() => fanRows(
    projection?.years.map((y) => ({ year: y.year, value: y.payableMonths })),
    stochastic && { years: stochastic.years, table: stochastic.percentiles.payableMonths },
  ), [projection, stochastic]);
  const unit = pickMoneyUnit(fanRange(balanceRows));
  const fanLabels = {
    deterministic: t('fan.deterministic'), median: t('fan.median'),
    band95: t('fan.band95'), band80: t('fan.band80'), band50: t('fan.band50'), tiers,
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="results-panel">
      <RunControls
        canRun={canRun}
        paths={paths}
        seed={seed}
        onPaths={setPaths}
        onSeed={setSeed}
        running={run.isPending ? run.variables?.kind : undefined}
        onRun={(kind) => run.mutate(kind === 'deterministic' ? { kind, scenarioId } : { kind, scenarioId, paths, ...(seed === undefined ? {} : { seed }) })}
        progress={progress}
        onCancel={() => watching !== undefined && cancel.mutate({ runId: watching })}
        cancelling={cancel.isPending}
        deterministic={detRun.data}
        stochastic={stoRun.data}
      />
      {progressError && <Alert type="warning" showIcon title={t('run.progressLost')} description={errorMessage(progressError)} />}
      {!projection && !detRun.isFetching && !runs.isPending && (
        <Empty description={canRun ? t('results.noRun') : t('results.noRunReadOnly')} data-testid="results-empty" />
      )}
      {projection && (
        <>
          <HeadlineCards
            projection={projection}
            stochastic={stochastic}
            solve={{ data: solve.data, error: solve.error, loading: solve.isFetching }}
            targetMonths={targetMonths}
            onTargetMonths={setTargetMonths}
          />
          {!stochastic && <Alert type="info" showIcon title={t('results.noMonteCarlo')} />}
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={12}>
              <Card size="small" title={t('fan.balanceTitle')}>
                <FanChart
                  rows={balanceRows}
                  scale={{ kind: 'money', unit }}
                  labels={{ ...fanLabels, axis: t('fan.balanceAxis', { unit: fmt.unitLabel(unit) }) }}
                  testId="fan-balance"
                />
              </Card>
            </Col>
            <Col xs={24} xxl={12}>
              <Card size="small" title={t('fan.monthsTitle')}>
                <FanChart
                  rows={monthRows}
                  scale={{ kind: 'months', thresholds }}
                  labels={{ ...fanLabels, axis: t('fan.monthsAxis') }}
                  testId="fan-months"
                />
              </Card>
            </Col>
          </Row>
          {stochastic && (
            <Card size="small" title={t('heatmap.title')}>
              <TierHeatmap result={stochastic} />
            </Card>
          )}
          <Card size="small" title={t('waterfall.title')}>
            <WaterfallChart financing={projection.financing} />
          </Card>
        </>
      )}
    </Space>
  );
}
