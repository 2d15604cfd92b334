/**
 * 风险驾驶舱, the leadership landing page: KPI cards, the regions × schemes grid by tier now and in
 * 12 / 24 months, the alert list and the institutions over their budget, for the focus region
 * (drill-down) as of a month. Built for a
 * large screen: everything important above the fold at 1920 × 1080.
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc.ts';
import { QueryError } from '../../components/ui/query-error.tsx';
import { PageSpin } from '../../components/ui/page-spin.tsx';
import { TierLegend } from '../../components/ui/tier-legend.tsx';
import { DashboardHeader } from './dashboard-header.tsx';
import { KpiCards } from './kpi-cards.tsx';
import { TierGrid } from './tier-grid.tsx';
import { AlertList } from './alert-list.tsx';
import { OverBudgetPanel } from './over-budget-panel.tsx';
import { useDashboardView } from './use-dashboard-view.ts';

/** Rows asked for with "show all" (the server's limit). */
const ALL_ROWS = 2000;
const ALERTS_SHOWN = 15;
const PANEL_HEIGHT = 620;

export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const [view, setView] = useDashboardView();
  const summary = useQuery({
    ...trpc.dashboard.summary.queryOptions({ asOf: view.asOf, regionId: view.regionId, alertLimit: ALERTS_SHOWN, ...(view.showAll ? { gridLimit: ALL_ROWS } : {}) }),
    placeholderData: (prev) => prev,
  });
  const data = summary.data;
  const ready = Boolean(data) && !summary.isFetching;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard-page">
      <DashboardHeader summary={data} view={view} onChange={setView} />
      {summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !data ? (
        <PageSpin />
      ) : (
        <div data-testid={ready ? 'dashboard-ready' : 'dashboard-loading'}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <KpiCards summary={data} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xxl={15}>
                <Card title={t('grid.title')} styles={{ body: { maxHeight: PANEL_HEIGHT, overflowY: 'auto' } }}>
                  <div style={{ marginBottom: 8 }}><TierLegend thresholds={data.thresholds} /></div>
                  <TierGrid rows={data.grid} schemes={data.schemes} loading={summary.isFetching} onDrill={(regionId) => setView({ ...view, regionId, showAll: undefined })} />
                  {data.gridTotal > data.grid.length && (
                    <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
                      <Typography.Text type="secondary">{t('grid.showing', { shown: data.grid.length, total: data.gridTotal })}</Typography.Text>
                      <Button size="small" onClick={() => setView({ ...view, showAll: true })} data-testid="grid-show-all">{t('grid.showAll')}</Button>
                    </Flex>
                  )}
                </Card>
              </Col>
              <Col xs={24} xxl={9}>
                <AlertList alerts={data.alerts} total={data.alertTotal} maxHeight={PANEL_HEIGHT} />
              </Col>
            </Row>
            <OverBudgetPanel budget={data.budget} />
            <Typography.Text type="secondary" data-testid="dashboard-forecast-note">
              {t('forecastNote', { method: data.forecastMethod, version: data.parameterVersion })}
            </Typography.Text>
          </Space>
        </div>
      )}
    </Space>
  );
}
