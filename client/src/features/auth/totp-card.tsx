/**
 * 双因素认证: set-up shows the secret as a QR code, as the otpauth:// URI and as base32 text (for
 * typing in); a code from the app confirms it. Turning it off needs a current code too.
 */
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Alert, Badge, Button, Card, Flex, Form, Input, Space, Typography } from 'antd';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { serverMessage } from '../../lib/server-messages.ts';

const QR_SIZE_PX = 196;
const CODE_PATTERN = /^\d{6}$/;

/** `JBSWY3DPEHPK3PXP…` in groups of four, as apps print it and people type it. */
const groupsOfFour = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

interface CodeFormProps {
  submitLabel: string;
  busy: boolean;
  onSubmit: (code: string) => void;
  testId: string;
  danger?: boolean;
}

function CodeForm({ submitLabel, busy, onSubmit, testId, danger = false }: CodeFormProps) {
  const { t } = useTranslation('auth');
  return (
    <Form<{ code: string }> layout="inline" onFinish={(v) => onSubmit(v.code.trim())} data-testid={`${testId}-form`}>
      <Form.Item name="code" rules={[{ required: true, pattern: CODE_PATTERN, message: t('totpRequired') }]}>
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="123456" style={{ width: 140 }} data-testid={`${testId}-code`} />
      </Form.Item>
      <Button type="primary" danger={danger} htmlType="submit" loading={busy} data-testid={`${testId}-submit`}>{submitLabel}</Button>
    </Form>
  );
}

function QrImage({ uri }: { uri: string }) {
  const { t } = useTranslation('auth');
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: QR_SIZE_PX }).then((url) => { if (live) setSrc(url); });
    return () => { live = false; };
  }, [uri]);
  return src
    ? <img src={src} width={QR_SIZE_PX} height={QR_SIZE_PX} alt={t('account.totp.qrAlt')} data-testid="totp-qr" />
    : <div style={{ width: QR_SIZE_PX, height: QR_SIZE_PX }} />;
}

export function TotpCard() {
  const { t } = useTranslation('auth');
  const { message } = App.useApp();
  const account = useQuery(trpc.auth.account.queryOptions());
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.auth.account.queryKey() });
  const setup = useMutation(trpc.auth.totpSetup.mutationOptions({ onSuccess: refresh }));
  const enable = useMutation(trpc.auth.totpEnable.mutationOptions({
    onSuccess: () => { setup.reset(); refresh(); void message.success(t('account.totp.enabled')); },
  }));
  const disable = useMutation(trpc.auth.totpDisable.mutationOptions({
    onSuccess: () => { refresh(); void message.success(t('account.totp.disabled')); },
  }));

  const on = account.data?.totpEnabled ?? false;
  const pending = setup.data;
  const failure = setup.error ?? enable.error ?? disable.error;
  return (
    <Card
      title={t('account.totp.title')}
      extra={<Badge status={on ? 'success' : 'default'} text={on ? t('account.totp.on') : t('account.totp.off')} data-testid="totp-status" />}
      data-testid="account-totp"
    >
      <Typography.Paragraph type="secondary">{t('account.totp.intro')}</Typography.Paragraph>
      {on && (
        <Space orientation="vertical" size={8}>
          <Typography.Text>{t('account.totp.disableIntro')}</Typography.Text>
          <CodeForm submitLabel={t('account.totp.disable')} busy={disable.isPending} onSubmit={(code) => disable.mutate({ code })} testId="totp-disable" danger />
        </Space>
      )}
      {!on && !pending && (
        <Space orientation="vertical" size={8}>
          {account.data?.totpPending && <Typography.Text type="secondary">{t('account.totp.pendingNote')}</Typography.Text>}
          <Button type="primary" onClick={() => setup.mutate()} loading={setup.isPending} data-testid="totp-start">
            {account.data?.totpPending ? t('account.totp.restart') : t('account.totp.start')}
          </Button>
        </Space>
      )}
      {!on && pending && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text>{t('account.totp.scan')}</Typography.Text>
          <Flex gap={24} wrap align="flex-start">
            <QrImage uri={pending.uri} />
            <Space orientation="vertical" size={8} style={{ minWidth: 280, flex: 1 }}>
              <Typography.Text type="secondary">{t('account.totp.secret')}</Typography.Text>
              <Typography.Text code copyable={{ text: pending.secret }} style={{ fontSize: 15 }} data-testid="totp-secret">{groupsOfFour(pending.secret)}</Typography.Text>
              <Typography.Text type="secondary">{t('account.totp.uri')}</Typography.Text>
              <Typography.Paragraph copyable style={{ wordBreak: 'break-all', marginBottom: 0, fontFamily: 'monospace', fontSize: 12 }} data-testid="totp-uri">
                {pending.uri}
              </Typography.Paragraph>
            </Space>
          </Flex>
          <Typography.Text>{t('account.totp.confirm')}</Typography.Text>
          <CodeForm submitLabel={t('account.totp.enable')} busy={enable.isPending} onSubmit={(code) => enable.mutate({ code })} testId="totp-enable" />
        </Space>
      )}
      {failure && <Alert type="error" showIcon title={serverMessage(failure, t)} style={{ marginTop: 16 }} data-testid="totp-error" />}
    </Card>
  );
}
