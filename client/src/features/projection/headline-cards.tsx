/**
 * The headline figures of a projection (domain.md §6.2): the first current-deficit year, the
 * exhaustion year, payable months at the end of the horizon with its tier, the solver's pooling
 * rate (or per-head subsidy) keeping payable months at or above the target, stated to its
 * precision, and with a Monte Carlo run the chances of exhaustion and of red by the end.
 */
import type { ReactNode } from 'react';
import { Card, Col, InputNumber, Row, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { errorMessage } from '../../lib/errors.ts';
import { TierTag } from '../../components/ui/tier-tag.tsx';
import { solverDecimals } from './solver-text.ts';
import type { ProjectionResult, SolveResult, StochasticResult } from './types.ts';

export interface HeadlineCardsProps {
  projection: ProjectionResult;
  stochastic?: StochasticResult;
  solve: { data?: SolveResult; error: unknown; loading: boolean };
  targetMonths: number;
  onTargetMonths: (months: number) => void;
}

function Figure({ title, value, extra, testId }: { title: ReactNode; value: ReactNode; extra?: ReactNode; testId: string }) {
  return (
    <Card size="small" style={{ height: '100%' }} data-testid={testId}>
      <Typography.Text type="secondary" style={{ display: 'block' }}>{title}</Typography.Text>
      <div style={{ fontSize: 22, fontWeight: 600, margin: '4px 0' }} data-testid={`${testId}-value`}>{value}</div>
      {extra && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{extra}</Typography.Text>}
    </Card>
  );
}

export function HeadlineCards({ projection, stochastic, solve, targetMonths, onTargetMonths }: HeadlineCardsProps) {
  const { t } = useTranslation('projection');
  const fmt = useFormat();
  const last = projection.years.at(-1);
  const end = projection.startYear + projection.horizonYears - 1;
  const s = solve.data;
  const rate = s?.lever === 'poolingRate';
  const decimals = s ? solverDecimals(s.precision, rate ? 'rate' : 'yuan') : 2;
  const lever = (v: number) => (rate ? fmt.percent(v, decimals) : `${fmt.number(v, decimals)} ${t('unit.yuanPerHeadYear')}`);
  const solverValue = solve.loading ? <Spin size="small" />
    : solve.error ? <Typography.Text type="danger" style={{ fontSize: 14 }}>{errorMessage(solve.error)}</Typography.Text>
      : !s ? '—' : s.value === null ? t('headline.unattainable') : lever(s.value);
  const solverExtra = s && (
    <>
      {s.value !== null && t('headline.precision', { precision: lever(s.precision) })}
      {s.status === 'lower-bound-suffices' && ` ${t('headline.lowerSuffices')}`}
      {s.minPayableMonths !== null && ` ${t('headline.binding', { months: fmt.months(s.minPayableMonths), year: s.bindingYear })}`}
    </>
  );
  return (
    <Row gutter={[12, 12]} data-testid="headline-cards">
      <Col xs={12} lg={stochastic ? 4 : 5}>
        <Figure
          testId="headline-deficit"
          title={t('headline.firstDeficit')}
          value={projection.firstDeficitYear ?? t('headline.none')}
          extra={t('headline.firstDeficitHint')}
        />
      </Col>
      <Col xs={12} lg={stochastic ? 4 : 5}>
        <Figure
          testId="headline-exhaustion"
          title={t('headline.exhaustion')}
          value={projection.exhaustionYear ?? t('headline.none')}
          extra={t('headline.exhaustionHint')}
        />
      </Col>
      <Col xs={12} lg={stochastic ? 5 : 6}>
        <Figure
          testId="headline-months"
          title={t('headline.monthsAtEnd', { year: last?.year ?? end })}
          value={<Space size={8}>{fmt.months(last?.payableMonths)}<TierTag tier={last?.tier} /></Space>}
          extra={t('headline.balanceAtEnd', { balance: fmt.money(last?.balanceYuan, 'yi') })}
        />
      </Col>
      <Col xs={12} lg={stochastic ? 6 : 8}>
        <Figure
          testId="headline-solver"
          title={(
            <Space size={4} wrap>
              {t('headline.solverPrefix')}
              <InputNumber<number>
                size="small"
                min={0}
                max={60}
                step={1}
                style={{ width: 92 }}
                aria-label={t('headline.target')}
                data-testid="solver-target"
                value={targetMonths}
                suffix={t('unit.months')}
                onChange={(v) => v !== null && onTargetMonths(v)}
              />
              {t(projection.scheme === 'resident' ? 'headline.solverSubsidy' : 'headline.solverRate')}
            </Space>
          )}
          value={solverValue}
          extra={solverExtra}
        />
      </Col>
      {stochastic && (
        <Col xs={24} lg={5}>
          <Figure
            testId="headline-probability"
            title={t('headline.probabilityExhausted', { year: end })}
            value={fmt.percent(stochastic.probabilityExhaustedBy.at(-1), 1)}
            extra={t('headline.probabilityRed', { p: fmt.percent(stochastic.probabilityRedBy.at(-1), 1), paths: fmt.count(stochastic.paths) })}
          />
        </Col>
      )}
    </Row>
  );
}
