/**
 * Username and password login; afterwards back to the page that asked for it, or the role's
 * workspace. When the server answers that the account needs a two-factor code, the form asks
 * for it and sends all three again.
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { apiErrorCode, errorMessage } from '../../lib/errors.ts';
import { LanguageSwitch } from '../../components/ui/language-switch.tsx';

interface LoginValues {
  username: string;
  password: string;
  totp?: string;
}

const CARD_WIDTH = 380;
/** The server's messages for the second step (server/services/login.ts). */
const TOTP_REQUIRED = 'two-factor code required';
const TOTP_INVALID = 'invalid two-factor code';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  // `/` sends each role to its own workspace.
  const target = from && !from.startsWith('/login') ? from : '/';
  const me = useQuery(trpc.auth.me.queryOptions());
  const [needsCode, setNeedsCode] = useState(false);
  const login = useMutation(trpc.auth.login.mutationOptions({
    onError: (err) => {
      if (apiErrorCode(err) === 'UNAUTHORIZED' && (err.message === TOTP_REQUIRED || err.message === TOTP_INVALID)) setNeedsCode(true);
    },
    onSuccess: ({ user }) => {
      queryClient.setQueryData(trpc.auth.me.queryKey(), (prev) => ({ demo: prev?.demo ?? false, user }));
      void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      void navigate(target, { replace: true });
    },
  }));

  if (me.data?.user && !login.isPending) return <Navigate to={target} replace />;

  const code = apiErrorCode(login.error);
  const failure = !login.error ? null
    : login.error.message === TOTP_REQUIRED ? null
    : login.error.message === TOTP_INVALID ? t('invalidTotp')
    : code === 'UNAUTHORIZED' ? t('wrongCredentials')
      : code === 'TOO_MANY_REQUESTS' ? t('tooManyAttempts')
        : errorMessage(login.error);

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: token.colorBgLayout, padding: 16 }}>
      <Flex justify="flex-end" style={{ width: CARD_WIDTH, marginBottom: 12 }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: CARD_WIDTH }}>
        <Typography.Title level={3} style={{ marginTop: 0, textAlign: 'center' }}>{t('common:appTitle')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>{t('subtitle')}</Typography.Paragraph>
        {me.data?.demo && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('common:demoBanner')} data-testid="login-demo-hint" />
        )}
        <Form<LoginValues>
          layout="vertical"
          requiredMark={false}
          onFinish={({ username, password, totp }) => login.mutate({ username, password, ...(needsCode && totp ? { totp: totp.trim() } : {}) })}
          data-testid="login-form"
          autoComplete="on"
        >
          <Form.Item name="username" label={t('username')} rules={[{ required: true, whitespace: true, message: t('usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {needsCode && (
            <>
              <Alert type="info" showIcon title={t('totpNeeded')} style={{ marginBottom: 16 }} data-testid="login-totp-needed" />
              <Form.Item
                name="totp"
                label={t('totp')}
                extra={t('totpHelp')}
                rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('totpRequired') }]}
              >
                <Input prefix={<SafetyOutlined />} inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus data-testid="login-totp" />
              </Form.Item>
            </>
          )}
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
