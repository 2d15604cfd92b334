/**
 * The year × tier probability heatmap of a Monte Carlo run: each cell is the share of paths in
 * that tier at the year-end, in the tier's colour, darker with the probability; below, the
 * per-year probabilities of a current deficit, of having reached red and of exhaustion.
 */
import { Fragment } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIER_COLORS } from '../../lib/theme.ts';
import { useFormat } from '../../lib/use-format.ts';
import { HEATMAP_TEXT, WATERFALL_COLORS } from './projection-colors.ts';
import { heatCell, heatmapRows, hexToRgba, type HeatmapEvent } from './heatmap-rows.ts';
import type { StochasticResult } from './types.ts';

const EVENT_COLORS: Record<HeatmapEvent, string> = { deficit: WATERFALL_COLORS.fiscal, redBy: TIER_COLORS.red, exhaustedBy: TIER_COLORS.red };
const CELL = { minWidth: 46, padding: '4px 2px', fontSize: 12, textAlign: 'center' } as const;

export function TierHeatmap({ result }: { result: StochasticResult }) {
  const { t } = useTranslation('projection');
  const fmt = useFormat();
  const rows = heatmapRows(result);
  return (
    <div style={{ overflowX: 'auto' }} data-testid="tier-heatmap">
      <table style={{ borderCollapse: 'separate', borderSpacing: 2, width: '100%' }}>
        <thead>
          <tr>
            <th style={{ ...CELL, textAlign: 'left', minWidth: 140 }}>{t('heatmap.rowHeader')}</th>
            {result.years.map((y) => <th key={y} style={{ ...CELL, fontWeight: 500 }}>{y}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const color = row.kind === 'tier' ? TIER_COLORS[row.tier] : EVENT_COLORS[row.event];
            const label = row.kind === 'tier' ? t(`common:tier.${row.tier}`) : t(`heatmap.event.${row.event}`);
            const key = row.kind === 'tier' ? row.tier : row.event;
            const firstEvent = row.kind === 'event' && rows[i - 1]?.kind === 'tier';
            return (
              <Fragment key={key}>
                {firstEvent && (
                  <tr>
                    <th colSpan={result.years.length + 1} style={{ ...CELL, textAlign: 'left', paddingTop: 10, borderBottom: `1px solid ${HEATMAP_TEXT.border}` }}>
                      {t('heatmap.eventsHeader')}
                    </th>
                  </tr>
                )}
                <tr data-row={key}>
                  <th style={{ ...CELL, textAlign: 'left', fontWeight: 400 }}>
                    <span style={{ display: 'inline-block', width: 10, height: 10, background: color, marginInlineEnd: 6, borderRadius: 2 }} />
                    {label}
                  </th>
                  {row.values.map((p, k) => {
                    const cell = heatCell(p);
                    return (
                      <td
                        key={result.years[k]}
                        title={`${result.years[k]} · ${label}: ${fmt.percent(p, 1)}`}
                        style={{ ...CELL, background: hexToRgba(color, cell.opacity), color: cell.lightText ? HEATMAP_TEXT.light : HEATMAP_TEXT.dark, borderRadius: 3 }}
                      >
                        {fmt.percent(p, 0)}
                      </td>
                    );
                  })}
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('heatmap.note', { paths: fmt.count(result.paths) })}</Typography.Text>
    </div>
  );
}
