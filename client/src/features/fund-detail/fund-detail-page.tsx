/**
 * 基金详情 at `/funds/:fundId`: header, income/expenditure, balance and payable-months charts, records; a link to its forecast.
 * Every period is judged under the rules in force then; where they changed, a note and a mark in the records say so.
 */
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Result, Row, Space } from 'antd';
import { ArrowLeftOutlined, LineChartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { trpc } from '../../lib/trpc.ts';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { PATHS, type FromState } from '../../lib/paths.ts';
import { TIERS_BY_MONTHS, type Tier } from '../../lib/theme.ts';
import { PageSpin } from '../../components/ui/page-spin.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { ParameterNote } from '../../components/ui/parameter-note.tsx';
import { IncomeExpenditureChart } from '../../components/charts/income-expenditure-chart.tsx';
import { BalanceChart } from '../../components/charts/balance-chart.tsx';
import { PayableMonthsChart } from '../../components/charts/payable-months-chart.tsx';
import { FundHeader } from './fund-header.tsx';
import { RecordsTable } from './records-table.tsx';
import { ExportButtons } from './export-buttons.tsx';
import { RulesNote } from './rules-note.tsx';
import type { FundDetail } from './types.ts';

export function FundDetailPage() {
  const { t } = useTranslation('fundDetail');
  const params = useParams();
  const fundId = Number(params.fundId);
  const valid = Number.isInteger(fundId) && fundId > 0;
  const navigate = useNavigate();
  const from = (useLocation().state as FromState | null)?.from;
  const detail = useQuery({ ...trpc.fund.detail.queryOptions({ fundId }), enabled: valid });

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void (from ? navigate(from) : navigate(-1))} data-testid="fund-back">
      {t('back')}
    </Button>
  );
  if (!valid) return <Result status="404" title={t('common:error.notFoundTitle')} extra={back} />;
  if (detail.isPending) return <PageSpin />;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} extra={back} />;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="fund-detail-page">
      <Flex justify="space-between" gap={8} wrap>
        {back}
        <Link to={PATHS.forecast(fundId)} data-testid="fund-forecast-link">
          <Button icon={<LineChartOutlined />}>{t('forecast:openForFund')}</Button>
        </Link>
      </Flex>
      <FundHeader detail={detail.data} />
      <FundCharts detail={detail.data} />
      <Card title={t('records')} extra={<ExportButtons table="fund_records" />}>
        <RecordsTable records={detail.data.records} rules={detail.data.rules} />
      </Card>
    </Space>
  );
}

function FundCharts({ detail }: { detail: FundDetail }) {
  const { t } = useTranslation('fundDetail');
  const fmt = useFormat();
  const { records } = detail;
  const flowUnit = pickMoneyUnit(records.flatMap((r) => [r.incomeYuan, r.expenditureYuan]));
  const balanceUnit = pickMoneyUnit(records.map((r) => r.balanceYuan));
  const yearly = detail.fund.periodKind === 'year';
  const tierLabels = useMemo(
    () => Object.fromEntries(TIERS_BY_MONTHS.map((tier) => [tier, t(`common:tier.${tier}`)])) as Record<Tier, string>,
    [t],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t(yearly ? 'charts.incomeExpenditureYearly' : 'charts.incomeExpenditure')}>
          <IncomeExpenditureChart
            data={records}
            unit={flowUnit}
            labels={{ income: t('income'), expenditure: t('expenditure'), axis: t('axisMoney', { unit: fmt.unitLabel(flowUnit) }) }}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={t('charts.balance')}>
          <BalanceChart
            data={records}
            unit={balanceUnit}
            labels={{ balance: t('balance'), axis: t('axisMoney', { unit: fmt.unitLabel(balanceUnit) }) }}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card title={t('charts.payableMonths')}>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <PayableMonthsChart
              data={records}
              thresholds={detail.thresholds}
              labels={{ payableMonths: t('payableMonths'), axis: t('axisMonths'), tiers: tierLabels }}
            />
            <RulesNote rules={detail.rules} />
            <ParameterNote
              denominator={detail.denominator}
              thresholds={detail.thresholds}
              parameterEntries={detail.parameterEntries}
              parameterVersion={detail.parameterVersion}
            />
          </Space>
        </Card>
      </Col>
    </Row>
  );
}
