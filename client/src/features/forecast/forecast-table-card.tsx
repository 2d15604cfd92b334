/**
 * The forecast table with its actions: save on the server (admin and actuary only; others see
 * the button disabled with the reason), export as CSV built in the browser, and download the
 * XLSX the server writes from the same forecast (with its method, model, vintage and version).
 */
import { useState } from 'react';
import { Button, Card, Input, Space, Tooltip } from 'antd';
import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MoneyUnit } from '../../lib/format.ts';
import { ForecastTable } from './forecast-table.tsx';
import { downloadText, forecastCsv, forecastCsvName } from './forecast-csv.ts';
import type { ForecastResult, FundMeasure } from './types.ts';

const NOTE_MAX_LENGTH = 500;

export interface ForecastTableCardProps {
  result: ForecastResult;
  unit: MoneyUnit;
  measure: FundMeasure;
  /** Names the export file: forecast-<fundSlug>-<measure>.csv. */
  fundSlug: string;
  /** The server's XLSX of the same forecast (forecast-xlsx.ts). */
  xlsxUrl: string;
  canSave: boolean;
  /** Saving waits while the shown forecast is being refitted, so the saved one is the one on screen. */
  saveBlocked: boolean;
  saving: boolean;
  onSave: (note: string | undefined) => Promise<unknown>;
}

export function ForecastTableCard({ result, unit, measure, fundSlug, xlsxUrl, canSave, saveBlocked, saving, onSave }: ForecastTableCardProps) {
  const { t } = useTranslation('forecast');
  const [note, setNote] = useState('');
  const exportCsv = () => {
    const header = {
      period: t('csv.period'), mean: t('csv.mean'), lower80: t('csv.lower80'),
      upper80: t('csv.upper80'), lower95: t('csv.lower95'), upper95: t('csv.upper95'),
    };
    downloadText(forecastCsv(result.forecast, header), forecastCsvName(fundSlug, measure));
  };
  const save = () => {
    onSave(note.trim() || undefined).then(() => setNote(''), () => undefined);
  };
  return (
    <Card
      title={t('table.title')}
      extra={(
        <Space size={8} wrap>
          {canSave && (
            <Input
              size="small"
              style={{ width: 200 }}
              placeholder={t('saveNote')}
              aria-label={t('saveNote')}
              maxLength={NOTE_MAX_LENGTH}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              data-testid="forecast-note"
            />
          )}
          <Tooltip title={canSave ? undefined : t('saveForbidden')}>
            <Button
              size="small"
              type="primary"
              icon={<SaveOutlined />}
              disabled={!canSave || saveBlocked}
              loading={saving}
              data-testid="forecast-save"
              onClick={save}
            >
              {t('save')}
            </Button>
          </Tooltip>
          <Button size="small" icon={<DownloadOutlined />} href={xlsxUrl} download data-testid="forecast-export-xlsx">
            {t('exportXlsx')}
          </Button>
          <Button size="small" icon={<DownloadOutlined />} onClick={exportCsv} data-testid="forecast-export">
            {t('export')}
          </Button>
        </Space>
      )}
    >
      <ForecastTable forecast={result.forecast} unit={unit} />
    </Card>
  );
}
