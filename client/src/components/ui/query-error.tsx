/** A failed query: "no permission" for 403, "not found" for 404, otherwise the message and a retry. */
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiErrorCode, errorMessage } from '../../lib/errors.ts';

export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const code = apiErrorCode(error);
  if (code === 'FORBIDDEN') {
    return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbiddenText')} data-testid="error-forbidden" />;
  }
  if (code === 'NOT_FOUND') {
    return <Result status="404" title={t('error.notFoundTitle')} subTitle={errorMessage(error)} />;
  }
  return (
    <Result
      status="error"
      title={t('error.loadFailed')}
      subTitle={errorMessage(error)}
      extra={onRetry ? <Button onClick={onRetry}>{t('retry')}</Button> : undefined}
    />
  );
}
