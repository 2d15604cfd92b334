/**
 * Per-year overrides: one row per projected year, one column per assumption set per year (the
 * switch in the assumption table), each cell an input in the assumption's unit with its range
 * error marked in place.
 */
import { Empty, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NumberField } from './number-field.tsx';
import { assumptionPath, assumptionRows, assumptionValue, withAssumptionYear, yearlyKeys, type DraftIssue } from './scenario-draft.ts';
import { useFieldText } from './use-field-text.ts';
import type { Scenario } from './types.ts';

export interface YearlyGridProps {
  scenario: Scenario;
  issues: ReadonlyMap<string, DraftIssue>;
  disabled: boolean;
  onChange: (next: Scenario) => void;
}

const CELL_WIDTH = 150;

export function YearlyGrid({ scenario, issues, disabled, onChange }: YearlyGridProps) {
  const { t } = useTranslation('projection');
  const text = useFieldText();
  const keys = yearlyKeys(scenario);
  if (keys.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('editor.noYearly')} />;
  const fields = assumptionRows(scenario.scheme).filter((f) => keys.includes(f.key));
  const years = Array.from({ length: scenario.horizonYears }, (_, i) => ({ index: i, year: scenario.startYear + i }));
  return (
    <Table
      size="small"
      rowKey="index"
      pagination={false}
      data-testid="yearly-grid"
      scroll={{ x: 90 + fields.length * CELL_WIDTH, y: 360 }}
      dataSource={years}
      columns={[
        { title: t('editor.col.year'), dataIndex: 'year', key: 'year', width: 90, fixed: 'left' },
        ...fields.map((f) => ({
          title: (
            <Tooltip title={`${t('editor.range')}: ${text.range(f.limit, f.unit)}`}>
              <span>{t(`field.${f.key}`)}<Typography.Text type="secondary">（{t(`unit.${f.unit}`)}）</Typography.Text></span>
            </Tooltip>
          ),
          key: f.key,
          width: CELL_WIDTH,
          render: (_: unknown, row: { index: number; year: number }) => {
            const values = assumptionValue(scenario, f.key) as readonly number[];
            const issue = issues.get(assumptionPath(f.key, row.index));
            return (
              <Tooltip title={issue ? text.issue(issue) : undefined}>
                <div>
                  <NumberField
                    value={values[row.index]}
                    unit={f.unit}
                    invalid={issue !== undefined}
                    disabled={disabled}
                    ariaLabel={`${t(`field.${f.key}`)} ${row.year}`}
                    testId={`grid-${f.key}-${row.year}`}
                    onChange={(v) => onChange(withAssumptionYear(scenario, f.key, row.index, v ?? Number.NaN))}
                  />
                </div>
              </Tooltip>
            );
          },
        })),
      ]}
    />
  );
}
