/**
 * Every assumption of the scheme with its unit, allowed range, where its value comes from and a
 * switch between one constant and one value per projected year (edited in the yearly grid).
 * Range errors show under the value before anything is saved.
 */
import type { HTMLAttributes } from 'react';
import { Switch, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NumberField } from './number-field.tsx';
import {
  assumptionPath, assumptionRows, assumptionValue, toConstant, toYearly, valueSource, withAssumption, type DraftIssue, type ValueSource,
} from './scenario-draft.ts';
import { FISCAL_CAP_FIELD, type FieldSpec } from './scenario-fields.ts';
import { useFieldText } from './use-field-text.ts';
import type { Scenario, ScenarioDraft } from './types.ts';

export interface AssumptionTableProps {
  draft: ScenarioDraft;
  issues: ReadonlyMap<string, DraftIssue>;
  disabled: boolean;
  onChange: (next: Scenario) => void;
}

const SOURCE_TAG: Record<ValueSource, string> = { calibrated: 'cyan', edited: 'gold', example: 'default', manual: 'default' };

export function AssumptionTable({ draft, issues, disabled, onChange }: AssumptionTableProps) {
  const { t } = useTranslation('projection');
  const text = useFieldText();
  const s = draft.scenario;
  const optional = (f: FieldSpec) => f.key === FISCAL_CAP_FIELD.key;

  return (
    <Table<FieldSpec>
      size="small"
      rowKey="key"
      pagination={false}
      data-testid="assumption-table"
      dataSource={assumptionRows(s.scheme)}
      onRow={(f) => ({ 'data-key': f.key } as HTMLAttributes<HTMLElement>)}
      columns={[
        {
          title: t('editor.col.assumption'),
          key: 'label',
          render: (_, f) => (
            <>
              <Typography.Text>{t(`field.${f.key}`)}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.key}</Typography.Text>
            </>
          ),
        },
        {
          title: t('editor.col.value'),
          key: 'value',
          width: 260,
          render: (_, f) => {
            const value = assumptionValue(s, f.key);
            const path = assumptionPath(f.key);
            if (Array.isArray(value)) {
              const bad = [...issues.keys()].some((k) => k.startsWith(`${path}[`));
              return (
                <Typography.Text type={bad ? 'danger' : 'secondary'} data-testid={`yearly-${f.key}`}>
                  {t('editor.yearlyInGrid', { span: text.assumption(value, f.unit) })}
                </Typography.Text>
              );
            }
            const issue = issues.get(path);
            return (
              <>
                <NumberField
                  value={value as number | undefined}
                  unit={f.unit}
                  invalid={issue !== undefined}
                  disabled={disabled}
                  ariaLabel={t(`field.${f.key}`)}
                  testId={`field-${path}`}
                  placeholder={optional(f) ? t('editor.noCap') : undefined}
                  onChange={(v) => onChange(withAssumption(s, f.key, v ?? (optional(f) ? undefined : Number.NaN)))}
                />
                {issue && <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="range-error">{text.issue(issue)}</Typography.Text>}
              </>
            );
          },
        },
        { title: t('editor.col.unit'), key: 'unit', width: 110, render: (_, f) => t(`unitName.${f.unit}`) },
        { title: t('editor.col.range'), key: 'range', width: 190, render: (_, f) => <Typography.Text type="secondary">{text.range(f.limit, f.unit)}</Typography.Text> },
        {
          title: t('editor.col.yearly'),
          key: 'yearly',
          width: 90,
          render: (_, f) => {
            const value = assumptionValue(s, f.key);
            return (
              <Switch
                size="small"
                aria-label={t('editor.col.yearly')}
                data-testid={`yearly-switch-${f.key}`}
                checked={Array.isArray(value)}
                disabled={disabled || (optional(f) && value === undefined) || !Number.isInteger(s.horizonYears)}
                onChange={(on) => onChange(withAssumption(s, f.key, on ? toYearly(value ?? 0, s.horizonYears) : toConstant(value ?? 0)))}
              />
            );
          },
        },
        {
          title: t('editor.col.source'),
          key: 'source',
          width: 110,
          render: (_, f) => {
            const source = valueSource(draft, f.key);
            return <Tag color={SOURCE_TAG[source]} style={{ marginInlineEnd: 0 }}>{t(`source.${source}`)}</Tag>;
          },
        },
      ]}
    />
  );
}
