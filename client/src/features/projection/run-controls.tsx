/**
 * Running the open version: a deterministic projection (instant) and a Monte Carlo run with its
 * paths and seed; a long run shows a progress bar fed by the progress subscription and can be
 * cancelled. Each finished run names what reproduces it and offers its XLSX export.
 */
import { Button, Card, Descriptions, Flex, InputNumber, Progress, Space, Tooltip, Typography } from 'antd';
import { DownloadOutlined, PlayCircleOutlined, StopOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { projectionExportUrl } from './export-url.ts';
import { utcMinute } from './stamp.ts';
import type { RunProgress } from './use-run-progress.ts';
import type { RunView } from './types.ts';

/** Bounds of the Monte Carlo inputs (server/schemas/projection.ts: 1–50,000 paths, seed 0 … 2³¹ − 1). */
export const PATHS_RANGE = { min: 1, max: 50_000, default: 5_000 } as const;
export const SEED_MAX = 2 ** 31 - 1;

export interface RunControlsProps {
  canRun: boolean;
  paths: number;
  seed: number | undefined;
  onPaths: (paths: number) => void;
  onSeed: (seed: number | undefined) => void;
  running: 'deterministic' | 'stochastic' | undefined;
  onRun: (kind: 'deterministic' | 'stochastic') => void;
  progress: RunProgress | undefined;
  onCancel: () => void;
  cancelling: boolean;
  deterministic?: RunView;
  stochastic?: RunView;
}

const PROGRESS_STATUS = { queued: 'active', running: 'active', done: 'success', failed: 'exception', cancelled: 'exception' } as const;

export function RunControls(props: RunControlsProps) {
  const { t } = useTranslation('projection');
  const fmt = useFormat();
  const { progress } = props;
  const live = progress !== undefined && (progress.status === 'running' || progress.status === 'queued');
  const runInfo = (run: RunView | undefined, kind: 'deterministic' | 'stochastic') => run && (
    <Descriptions
      size="small"
      column={1}
      data-testid={`run-info-${kind}`}
      items={[
        { key: 'run', label: t(`run.${kind}Run`), children: t('run.runId', { id: run.id, at: utcMinute(run.finishedAt ?? run.createdAt) }) },
        ...(kind === 'stochastic' ? [{ key: 'mc', label: t('run.pathsSeed'), children: t('run.pathsSeedValue', { paths: fmt.count(run.paths), seed: run.seed }) }] : []),
        { key: 'hash', label: t('run.inputHash'), children: <Typography.Text code copyable={{ text: run.inputHash }}>{run.inputHash.slice(0, 16)}</Typography.Text> },
        { key: 'model', label: t('run.modelVersion'), children: run.modelVersion },
        {
          key: 'export',
          label: t('run.export'),
          children: (
            <Button size="small" icon={<DownloadOutlined />} href={projectionExportUrl(run.id, fmt.lang)} download data-testid={`export-xlsx-${kind}`}>
              XLSX
            </Button>
          ),
        },
      ]}
    />
  );
  return (
    <Card size="small" title={t('run.title')} data-testid="run-controls">
      <Flex gap={24} wrap align="flex-start">
        <Space orientation="vertical" size={8} style={{ flex: '1 1 300px' }}>
          <Tooltip title={props.canRun ? undefined : t('editor.readOnly')}>
            <Button
              type="primary"
              icon={<ThunderboltOutlined />}
              disabled={!props.canRun}
              loading={props.running === 'deterministic'}
              onClick={() => props.onRun('deterministic')}
              data-testid="run-deterministic"
            >
              {t('run.deterministic')}
            </Button>
          </Tooltip>
          {runInfo(props.deterministic, 'deterministic')}
        </Space>
        <Space orientation="vertical" size={8} style={{ flex: '1 1 380px' }}>
          <Space wrap>
            <InputNumber<number>
              min={PATHS_RANGE.min}
              max={PATHS_RANGE.max}
              step={1000}
              precision={0}
              style={{ width: 150 }}
              aria-label={t('run.paths')}
              data-testid="mc-paths"
              prefix={<Typography.Text type="secondary">{t('run.paths')}</Typography.Text>}
              value={props.paths}
              onChange={(v) => v !== null && props.onPaths(v)}
            />
            <InputNumber<number>
              min={0}
              max={SEED_MAX}
              precision={0}
              style={{ width: 190 }}
              aria-label={t('run.seed')}
              data-testid="mc-seed"
              placeholder={t('run.seedDefault')}
              prefix={<Typography.Text type="secondary">{t('run.seed')}</Typography.Text>}
              value={props.seed ?? null}
              onChange={(v) => props.onSeed(v ?? undefined)}
            />
            <Button
              icon={<PlayCircleOutlined />}
              disabled={!props.canRun || live}
              loading={props.running === 'stochastic'}
              onClick={() => props.onRun('stochastic')}
              data-testid="run-stochastic"
            >
              {t('run.stochastic')}
            </Button>
          </Space>
          {progress && (
            <Flex gap={8} align="center" data-testid="mc-progress" data-status={progress.status}>
              <Progress
                style={{ flex: 1, marginBottom: 0 }}
                percent={Math.round(progress.progress * 100)}
                status={PROGRESS_STATUS[progress.status]}
                format={(p) => (live ? `${p}%` : t(`run.status.${progress.status}`))}
              />
              {live && (
                <Button size="small" danger icon={<StopOutlined />} loading={props.cancelling} onClick={props.onCancel} data-testid="mc-cancel">
                  {t('run.cancel')}
                </Button>
              )}
            </Flex>
          )}
          {runInfo(props.stochastic, 'stochastic')}
        </Space>
      </Flex>
    </Card>
  );
}
