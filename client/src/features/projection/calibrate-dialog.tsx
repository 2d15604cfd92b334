/**
 * A new scenario calibrated on a stored fund: pick an employee or resident pooling fund the user
 * may see; the server derives the opening position and growth assumptions from its records
 * (`projection.calibrate`) and the draft opens in the editor, unsaved.
 */
import { useState } from 'react';
import { Alert, Form, Modal, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { fundNameKey, regionName } from '../../lib/labels.ts';
import { errorMessage } from '../../lib/errors.ts';
import type { FundRow } from './types.ts';

export interface CalibrateDialogProps {
  open: boolean;
  funds: readonly FundRow[];
  loading: boolean;
  error: unknown;
  onCancel: () => void;
  onPick: (fundId: number) => void;
}

/** Funds a projection covers (scenario-from-fund.ts): the pooling funds of the two schemes. */
export function projectableFunds(funds: readonly FundRow[]): FundRow[] {
  return funds.filter((f) => (f.scheme === 'employee' || f.scheme === 'resident') && f.account === 'pooling');
}

export function CalibrateDialog({ open, funds, loading, error, onCancel, onPick }: CalibrateDialogProps) {
  const { t } = useTranslation('projection');
  const fmt = useFormat();
  const [fundId, setFundId] = useState<number>();
  const options = projectableFunds(funds).map((f) => ({
    value: f.fundId,
    label: `${regionName(f, fmt.lang)} · ${t(`common:${fundNameKey(f.scheme, f.account)}`)}`,
  }));
  return (
    <Modal
      open={open}
      title={t('calibrate.title')}
      okText={t('calibrate.ok')}
      cancelText={t('calibrate.cancel')}
      okButtonProps={{ disabled: fundId === undefined, loading, 'data-testid': 'calibrate-ok' } as ButtonProps}
      onOk={() => fundId !== undefined && onPick(fundId)}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form layout="vertical" component={false}>
        <Form.Item label={t('calibrate.fund')} extra={t('calibrate.hint')}>
          <Select<number>
            aria-label={t('calibrate.fund')}
            data-testid="calibrate-fund"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('calibrate.placeholder')}
            value={fundId}
            options={options}
            onChange={setFundId}
          />
        </Form.Item>
      </Form>
      {error !== null && error !== undefined && <Alert type="error" showIcon title={errorMessage(error)} data-testid="calibrate-error" />}
    </Modal>
  );
}
