/** A failed query: "no permission" for 403, "not found" for 404, otherwise the message and a retry. */
import type { ReactNode } from 'react';
import { Button, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiErrorCode, errorMessage } from '../../lib/errors.ts';

export function QueryError({ error, onRetry, extra }: { error: unknown; onRetry?: () => void; extra?: ReactNode }) {
  const { t } = useTranslation();
  const code = apiErrorCode(error);
  if (code === 'FORBIDDEN') {
    return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbiddenText')} extra={extra} data-testid="error-forbidden" />;
  }
  if (code === 'NOT_FOUND') {
    return <Result status="404" title={t('error.notFoundTitle')} subTitle={errorMessage(error)} extra={extra} />;
  }
  return (
    <Result
      status="error"
      title={t('error.loadFailed')}
      subTitle={errorMessage(error)}
      extra={<Space>{extra}{onRetry && <Button onClick={onRetry}>{t('retry')}</Button>}</Space>}
    />
  );
}
