/**
 * The scenario editor: provenance, opening position, every assumption with unit and range, the
 * per-year grid, and saving as a new version (versions are immutable: a save never changes a
 * stored one). Range errors block the save; a refusal from the server is shown line by line as sent.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Input, Space, Typography } from 'antd';
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AssumptionTable } from './assumption-table.tsx';
import { OpeningForm } from './opening-form.tsx';
import { ProvenanceNote } from './provenance-note.tsx';
import { VersionHistory } from './version-history.tsx';
import { YearlyGrid } from './yearly-grid.tsx';
import { draftIssues } from './scenario-draft.ts';
import type { CalibrationNote, FundRow, Scenario, ScenarioDraft, ScenarioListRow, ScenarioVersion } from './types.ts';

export interface ScenarioEditorProps {
  draft: ScenarioDraft;
  onChange: (next: ScenarioDraft) => void;
  version?: ScenarioVersion;
  fund?: FundRow;
  calibrationNotes?: readonly CalibrationNote[];
  canEdit: boolean;
  /** False when a newer version of the lineage exists: only the newest may be revised. */
  isNewest: boolean;
  dirty: boolean;
  saving: boolean;
  serverErrors: readonly string[];
  onSave: (note: string) => void;
  onDiscard: () => void;
  versions: readonly ScenarioListRow[];
  versionsLoading: boolean;
  onOpenVersion: (id: number) => void;
}

const NOTE_MAX = 500;

export function ScenarioEditor(props: ScenarioEditorProps) {
  const { draft, version, canEdit, isNewest, dirty, saving, serverErrors } = props;
  const { t } = useTranslation('projection');
  const [note, setNote] = useState('');
  const issues = useMemo(() => draftIssues(draft.scenario), [draft.scenario]);
  const disabled = !canEdit;
  const set = (scenario: Scenario) => props.onChange({ ...draft, scenario });
  const blockedBy = !canEdit ? t('editor.readOnly')
    : !isNewest ? t('editor.notNewest')
      : issues.size > 0 ? t('editor.fixErrors', { count: issues.size })
        : draft.fromId !== undefined && !dirty ? t('editor.unchanged') : undefined;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="scenario-editor">
      <ProvenanceNote draft={draft} version={version} fund={props.fund} notes={props.calibrationNotes} />
      <Card size="small" title={t('editor.basics')}>
        <OpeningForm scenario={draft.scenario} issues={issues} disabled={disabled} onChange={set} />
      </Card>
      <Card size="small" title={t('editor.assumptions')}>
        <AssumptionTable draft={draft} issues={issues} disabled={disabled} onChange={set} />
      </Card>
      <Card size="small" title={t('editor.yearlyTitle')} extra={<Typography.Text type="secondary">{t('editor.yearlyHint')}</Typography.Text>}>
        <YearlyGrid scenario={draft.scenario} issues={issues} disabled={disabled} onChange={set} />
      </Card>
      {serverErrors.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="server-error"
          title={t('editor.serverRefused')}
          description={serverErrors.map((line) => <div key={line}><Typography.Text code>{line}</Typography.Text></div>)}
        />
      )}
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <Input
            style={{ flex: '1 1 320px' }}
            maxLength={NOTE_MAX}
            placeholder={t('editor.notePlaceholder')}
            aria-label={t('editor.notePlaceholder')}
            data-testid="editor-note"
            disabled={disabled}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {draft.fromId !== undefined && (
            <Button icon={<UndoOutlined />} disabled={!dirty || saving} onClick={props.onDiscard} data-testid="editor-discard">
              {t('editor.discard')}
            </Button>
          )}
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            disabled={blockedBy !== undefined}
            data-testid="editor-save"
            onClick={() => props.onSave(note.trim())}
          >
            {draft.fromId === undefined ? t('editor.saveNew') : t('editor.saveVersion', { version: (version?.version ?? 0) + 1 })}
          </Button>
          {blockedBy && <Typography.Text type="secondary" data-testid="save-blocked">{blockedBy}</Typography.Text>}
        </Flex>
      </Card>
      {draft.fromId !== undefined && (
        <Card size="small" title={t('editor.history')}>
          <VersionHistory versions={props.versions} openId={draft.fromId} loading={props.versionsLoading} onOpen={props.onOpenVersion} />
        </Card>
      )}
    </Space>
  );
}
