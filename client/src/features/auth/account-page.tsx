/** 我的账户: for every user, the password and the optional TOTP second factor. */
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChangePasswordCard } from './change-password-card.tsx';
import { TotpCard } from './totp-card.tsx';

export function AccountPage() {
  const { t } = useTranslation('auth');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 880 }} data-testid="account-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('account.title')}</Typography.Title>
      <ChangePasswordCard />
      <TotpCard />
    </Space>
  );
}
