/**
 * 收支预测 at `/actuarial/forecast?fundId=&measure=&method=&horizon=`: the forecast of one measure
 * of one fund with its prediction intervals, the model the server fitted, a backtest comparing
 * every method on the same series, the forecast table (saved on the server, exported as CSV or XLSX),
 * and the forecasts saved for the fund. All figures come from the server.
 */
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Card, Empty, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { errorMessage } from '../../lib/errors.ts';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { fundNameKey, regionName } from '../../lib/labels.ts';
import { PageSpin } from '../../components/ui/page-spin.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { ForecastControls } from './forecast-controls.tsx';
import { ForecastChartCard } from './forecast-chart-card.tsx';
import { BacktestSection } from './backtest-section.tsx';
import { ForecastTableCard } from './forecast-table-card.tsx';
import { SavedForecasts } from './saved-forecasts.tsx';
import { BACKTEST_METHODS, backtestHorizon, clampHorizon, LEVELS, methodFor } from './forecast-options.ts';
import { useForecastParams } from './use-forecast-params.ts';
import { forecastXlsxUrl } from './forecast-xlsx.ts';
import type { Frequency } from './types.ts';

const SAVE_ROLES: ReadonlySet<string> = new Set(['admin', 'actuary']);
const BACKTEST_ORIGINS = 6;

/** The fund id inside a `forecast.run` query key, to keep showing the last chart only while the same fund reloads. */
function fundIdOfKey(key: readonly unknown[] | undefined): number | undefined {
  const input = (key?.[1] as { input?: { target?: { fundId?: number } } } | undefined)?.input;
  return input?.target?.fundId;
}

export function ForecastPage() {
  const { t } = useTranslation('forecast');
  const fmt = useFormat();
  const { message } = App.useApp();
  const [params, setParams] = useForecastParams();
  const me = useQuery(trpc.auth.me.queryOptions());
  const overview = useQuery(trpc.fund.overview.queryOptions({}));
  const funds = useMemo(() => overview.data?.rows ?? [], [overview.data]);
  const fund = funds.find((f) => f.fundId === params.fundId);

  // Opened from the menu: start with the first monthly fund (the yearly national figures are short).
  const defaultFund = funds.find((f) => f.periodKind === 'month') ?? funds[0];
  useEffect(() => {
    if (params.fundId === undefined && defaultFund) setParams({ ...params, fundId: defaultFund.fundId });
  }, [params, defaultFund, setParams]);

  const frequency: Frequency = fund?.periodKind === 'year' ? 1 : 12;
  const horizon = clampHorizon(params.horizon, frequency);
  const method = methodFor(params.method, frequency);
  const fundId = params.fundId;
  const target = { kind: 'fund' as const, fundId: fundId ?? 0, measure: params.measure };

  const run = useQuery({
    ...trpc.forecast.run.queryOptions({ target, method, horizon, levels: [...LEVELS] }),
    enabled: fundId !== undefined && overview.isSuccess,
    placeholderData: (prev, prevQuery) => (fundIdOfKey(prevQuery?.queryKey) === fundId ? prev : undefined),
  });
  const result = run.data;

  // The series length decides the backtest horizon; it is kept per fund and measure so the method
  // comparison stays on screen (to pick another method) when one method fails to forecast.
  const seriesKey = `${fundId}|${params.measure}`;
  const [known, setKnown] = useState<{ key: string; length: number }>();
  const freshLength = run.isPlaceholderData ? undefined : result?.history.length;
  useEffect(() => {
    if (freshLength !== undefined) setKnown({ key: seriesKey, length: freshLength });
  }, [freshLength, seriesKey]);
  const historyLength = freshLength ?? (known?.key === seriesKey ? known.length : undefined);
  // A method that fails before any run succeeded leaves the length unknown: backtest uncapped and let
  // the server say if the series is too short.
  const lengthForBacktest = historyLength ?? (run.isError ? Number.POSITIVE_INFINITY : undefined);
  const btHorizon = lengthForBacktest === undefined ? undefined : backtestHorizon(horizon, frequency, lengthForBacktest);
  const backtest = useQuery({
    ...trpc.forecast.backtest.queryOptions({
      target,
      horizon: btHorizon ?? 1,
      origins: BACKTEST_ORIGINS,
      methods: BACKTEST_METHODS.filter((m) => m !== 'snaive' || frequency === 12),
    }),
    enabled: btHorizon !== undefined,
  });
  const saved = useQuery({ ...trpc.forecast.saved.queryOptions({ fundId: fundId ?? 0 }), enabled: fundId !== undefined });

  const save = useMutation(trpc.forecast.save.mutationOptions({
    onSuccess: (r) => {
      void message.success({ content: t('saveSuccess', { id: r.id }), key: 'forecast-save' });
      void queryClient.invalidateQueries({ queryKey: trpc.forecast.saved.queryKey() });
    },
    onError: (err) => void message.error(errorMessage(err)),
  }));

  // One unit for the chart and the table, chosen over everything drawn (history and the 95% band).
  const unit = useMemo(() => pickMoneyUnit(result ? [
    ...result.history.map((h) => h.valueYuan),
    ...(result.forecast.upper['95'] ?? result.forecast.mean),
    ...(result.forecast.lower['95'] ?? []),
  ] : []), [result]);

  const role = me.data?.user?.role;
  const fundLabel = fund ? `${regionName(fund, fmt.lang)} · ${t(`common:${fundNameKey(fund.scheme, fund.account)}`)}` : undefined;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="forecast-page">
      <Flex align="baseline" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('title')}</Typography.Title>
        <Typography.Text type="secondary">{t('common:workspace.actuarial')}</Typography.Text>
        {fundLabel && <Typography.Text strong data-testid="forecast-fund-name">{fundLabel}</Typography.Text>}
      </Flex>
      {overview.isError ? (
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <Card>
          <ForecastControls
            value={{ ...params, method }}
            horizon={horizon}
            frequency={frequency}
            funds={funds}
            fundsLoading={overview.isPending}
            onChange={setParams}
          />
        </Card>
      )}
      {overview.isSuccess && funds.length === 0 && <Empty description={t('noFunds')} />}
      {fundId !== undefined && (
        <>
          {run.isError && (
            <Alert
              type="error"
              showIcon
              title={t('runFailed')}
              description={<>{errorMessage(run.error)}<br />{t('runFailedHint')}</>}
              data-testid="forecast-error"
            />
          )}
          {run.isPending && run.fetchStatus !== 'idle' && <PageSpin />}
          {result && (
            <ForecastChartCard result={result} measure={params.measure} frequency={frequency} unit={unit} refreshing={run.isFetching} />
          )}
          {lengthForBacktest !== undefined && (
            <Card title={t('backtest.title')}>
              <BacktestSection
                data={backtest.data}
                error={backtest.error}
                fetching={backtest.isFetching}
                tooShort={btHorizon === undefined}
                current={method}
                onSelect={(m) => setParams({ ...params, method: m })}
              />
            </Card>
          )}
          {result && (
            <ForecastTableCard
              result={result}
              unit={unit}
              measure={params.measure}
              fundSlug={fund ? `${fund.regionCode}-${fund.scheme}-${fund.account}` : String(fundId)}
              xlsxUrl={forecastXlsxUrl({ target, method, horizon, levels: [...LEVELS] }, fmt.lang)}
              canSave={role !== undefined && SAVE_ROLES.has(role)}
              saveBlocked={run.isFetching}
              saving={save.isPending}
              onSave={(note) => save.mutateAsync({ target, method, horizon, levels: [...LEVELS], note })}
            />
          )}
          <Card title={t('saved.title')}>
            {saved.isError ? (
              <QueryError error={saved.error} onRetry={() => void saved.refetch()} />
            ) : (
              <SavedForecasts rows={saved.data ?? []} loading={saved.isPending} onLoad={(s) => setParams({ ...params, ...s })} />
            )}
          </Card>
        </>
      )}
    </Space>
  );
}
