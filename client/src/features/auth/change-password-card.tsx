/** 修改密码: current password, new password twice. The server ends the other sessions and keeps this one. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { useFormat } from '../../lib/use-format.ts';
import { formatUtc } from '../../lib/format-utc.ts';
import { serverMessage } from '../../lib/server-messages.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

export function ChangePasswordCard() {
  const { t } = useTranslation('auth');
  const fmt = useFormat();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const account = useQuery(trpc.auth.account.queryOptions());
  const change = useMutation(trpc.auth.changePassword.mutationOptions({
    onSuccess: () => {
      form.resetFields();
      void message.success(t('account.password.done'));
      void queryClient.invalidateQueries({ queryKey: trpc.auth.account.queryKey() });
    },
  }));
  const changedAt = account.data?.passwordChangedAt;
  return (
    <Card title={t('account.password.title')} data-testid="account-password">
      <Typography.Paragraph type="secondary">
        {changedAt ? t('account.password.changedAt', { at: formatUtc(changedAt, fmt.lang) }) : t('account.password.never')}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        style={{ maxWidth: 420 }}
        onFinish={(v) => change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword })}
      >
        <Form.Item name="currentPassword" label={t('account.password.current')} rules={[{ required: true, message: t('passwordRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="account-current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('account.password.new')} extra={t('account.password.help')} rules={[{ required: true, message: t('passwordRequired') }]}>
          <Input.Password autoComplete="new-password" data-testid="account-new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('account.password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('account.password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="account-repeat-password" />
        </Form.Item>
        {change.error && <Alert type="error" showIcon title={serverMessage(change.error, t)} style={{ marginBottom: 16 }} data-testid="account-password-error" />}
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="account-password-submit">{t('account.password.submit')}</Button>
      </Form>
    </Card>
  );
}
