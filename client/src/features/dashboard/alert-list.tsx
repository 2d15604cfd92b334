/**
 * The alert list: funds needing attention, most severe first, each with its reasons in the UI
 * language; a click opens the fund. A fund linked to a Monte Carlo run shows its probability of red
 * within 24 months (else 12) with the run's id, date and paths on hover, and a mark when the run is stale.
 */
import { Card, Empty, Flex, Tag, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useFormat } from '../../lib/use-format.ts';
import { fundNameKey, regionName } from '../../lib/labels.ts';
import { PATHS, type FromState } from '../../lib/paths.ts';
import { TierTag } from '../../components/ui/tier-tag.tsx';
import { ALERT_LEVEL_COLORS } from './alert-colors.ts';
import type { AlertItem } from './types.ts';

function ProbabilityTag({ alert }: { alert: AlertItem }) {
  const { t } = useTranslation('dashboard');
  const fmt = useFormat();
  const run = alert.stochastic;
  const [months, p] = alert.probabilityRed24 !== null ? [24, alert.probabilityRed24] : [12, alert.probabilityRed12];
  if (!run || p === null) return null;
  const source = t('stochastic.source', { runId: run.runId, date: run.finishedOn, paths: fmt.count(run.paths) });
  const stale = run.stale.map((r) => t(`stochastic.staleReason.${r}`, { months: run.ageMonths })).join('; ');
  return (
    <Tooltip title={stale ? `${source}. ${t('stochastic.stale')}: ${stale}` : source}>
      <Flex gap={4} data-testid="alert-probability" data-stale={run.stale.length > 0}>
        <Tag color={run.stale.length > 0 ? 'default' : 'volcano'} style={{ marginInlineEnd: 0 }}>{t('stochastic.tag', { months, p: fmt.percent(p) })}</Tag>
        {run.stale.length > 0 && <Tag color="warning" style={{ marginInlineEnd: 0 }}>{t('stochastic.stale')}</Tag>}
      </Flex>
    </Tooltip>
  );
}

export function AlertList({ alerts, total, maxHeight }: { alerts: readonly AlertItem[]; total: number; maxHeight: number }) {
  const { t } = useTranslation('dashboard');
  const fmt = useFormat();
  const { token } = theme.useToken();
  const location = useLocation();
  // with the query, so the fund page's back button returns to the same drill-down level and month
  const from: FromState = { from: location.pathname + location.search };
  const entry = (e: AlertItem['warningEntry']) => (e ? t('alerts.entry', { period: fmt.period(e.period), tier: t(`common:tier.${e.tier}`) }) : null);
  return (
    <Card
      title={t('alerts.title')}
      extra={<Typography.Text type="secondary">{t('alerts.total', { count: total })}</Typography.Text>}
      data-testid="dashboard-alerts"
      style={{ height: '100%' }}
      styles={{ body: { padding: 0, maxHeight, overflowY: 'auto' } }}
    >
      {alerts.length === 0 ? <Empty style={{ padding: 24 }} description={t('alerts.empty')} /> : alerts.map((a) => {
        const entries = [entry(a.redEntry), a.redEntry?.period === a.warningEntry?.period ? null : entry(a.warningEntry)].filter(Boolean);
        return (
          <Flex key={a.fundId} vertical gap={4} data-testid="alert-item" data-level={a.level} style={{ padding: '10px 16px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
            <Flex gap={8} align="center" wrap>
              <Tag color={ALERT_LEVEL_COLORS[a.level]} variant="solid" style={{ marginInlineEnd: 0 }}>{t(`alerts.level.${a.level}`)}</Tag>
              <Link to={PATHS.fund(a.fundId)} state={from} data-testid="alert-fund-link" style={{ fontSize: 15, fontWeight: 500 }}>
                {regionName(a, fmt.lang)} · {t(`common:${fundNameKey(a.scheme, a.account)}`)}
              </Link>
              <TierTag tier={a.tier} />
              {entries.map((e) => <Tag key={e} style={{ marginInlineEnd: 0 }}>{e}</Tag>)}
              <ProbabilityTag alert={a} />
            </Flex>
            <Typography.Text type="secondary" data-testid="alert-reason">{fmt.lang === 'en' ? a.reasonEn : a.reasonZh}</Typography.Text>
          </Flex>
        );
      })}
    </Card>
  );
}
