import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={t('error.notFoundTitle')}
      subTitle={t('error.pageNotFound')}
      extra={<Link to="/"><Button type="primary">{t('backHome')}</Button></Link>}
    />
  );
}
