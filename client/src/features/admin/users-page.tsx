/**
 * 用户管理 (administrators): every account with role, regions, status and second factor, and the
 * actions on it. The server refuses what may not be done (e.g. disabling the last active admin)
 * and its reason is shown in the UI language.
 */
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Badge, Button, Card, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc, type RouterOutputs } from '../../lib/trpc.ts';
import { useFormat } from '../../lib/use-format.ts';
import { formatUtc } from '../../lib/format-utc.ts';
import { serverMessage } from '../../lib/server-messages.ts';
import { QueryError } from '../../components/ui/query-error.tsx';
import { AccessModal, CreateUserModal, ResetPasswordModal, type Role } from './user-modals.tsx';
import { regionNamesByCode, regionOptions } from './region-options.ts';

type UserRow = RouterOutputs['admin']['users'][number];

export function UsersPage() {
  const { t } = useTranslation('admin');
  const fmt = useFormat();
  const { message } = App.useApp();
  const me = useQuery(trpc.auth.me.queryOptions());
  const users = useQuery(trpc.admin.users.queryOptions());
  const regions = useQuery(trpc.region.tree.queryOptions());
  const options = useMemo(() => regionOptions(regions.data ?? [], fmt.lang), [regions.data, fmt.lang]);
  const names = useMemo(() => regionNamesByCode(regions.data ?? [], fmt.lang), [regions.data, fmt.lang]);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<string | null>(null);
  const [editing, setEditing] = useState<UserRow | null>(null);

  /** Success by name, a fresh list (and audit page), or the refusal in the UI language. */
  const outcome = (doneKey: string, after?: () => void) => ({
    onSuccess: (_: unknown, input: { username: string }) => {
      void message.success(t(`users.done.${doneKey}`, { username: input.username }));
      void queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
      after?.();
    },
    onError: (err: unknown) => void message.error(serverMessage(err, t)),
  });
  const create = useMutation(trpc.admin.createUser.mutationOptions(outcome('created', () => setCreating(false))));
  const disable = useMutation(trpc.admin.disableUser.mutationOptions(outcome('disabled')));
  const enable = useMutation(trpc.admin.enableUser.mutationOptions(outcome('enabled')));
  const resetPassword = useMutation(trpc.admin.resetPassword.mutationOptions(outcome('passwordReset', () => setResetting(null))));
  const setAccess = useMutation(trpc.admin.setAccess.mutationOptions(outcome('access', () => setEditing(null))));
  const resetTotp = useMutation(trpc.admin.resetTotp.mutationOptions(outcome('totpReset')));

  const self = me.data?.user?.username;
  const columns: TableColumnsType<UserRow> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 180,
      render: (name: string) => (
        <Space size={6}>
          <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{name}</Typography.Text>
          {name === self && <Tag>{t('users.you')}</Tag>}
        </Space>
      ),
    },
    { title: t('users.role'), dataIndex: 'role', width: 130, render: (role: Role) => <Tag color={role === 'admin' ? 'volcano' : 'blue'}>{t(`common:role.${role}`)}</Tag> },
    {
      title: t('users.regions'),
      dataIndex: 'regions',
      render: (codes: string[]) => (codes.includes('*')
        ? <Typography.Text type="secondary">{t('users.allRegions')}</Typography.Text>
        : <Space size={[4, 4]} wrap>{codes.map((c) => <Tag key={c} style={{ marginInlineEnd: 0 }}>{names.get(c) ?? c}</Tag>)}</Space>),
    },
    {
      title: t('users.status'),
      dataIndex: 'disabled',
      width: 96,
      render: (disabled: boolean) => <Badge status={disabled ? 'default' : 'success'} text={disabled ? t('users.disabled') : t('users.active')} />,
    },
    {
      title: t('users.totp'),
      dataIndex: 'totpEnabled',
      width: 110,
      render: (on: boolean) => <Badge status={on ? 'success' : 'default'} text={on ? t('users.totpOn') : t('users.totpOff')} />,
    },
    { title: t('users.passwordChangedAt'), dataIndex: 'passwordChangedAt', width: 180, render: (at: string | null) => formatUtc(at, fmt.lang) },
    {
      title: t('users.actions'),
      key: 'actions',
      width: 400,
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setResetting(u.username)} data-testid="user-reset-password">{t('users.resetPassword')}</Button>
          <Button type="link" size="small" onClick={() => setEditing(u)} data-testid="user-set-access">{t('users.setAccess')}</Button>
          {u.disabled ? (
            <Popconfirm title={t('users.confirmEnable', { username: u.username })} okText={t('users.ok')} cancelText={t('users.cancel')} onConfirm={() => enable.mutate({ username: u.username })}>
              <Button type="link" size="small" data-testid="user-enable">{t('users.enable')}</Button>
            </Popconfirm>
          ) : (
            <Popconfirm title={t('users.confirmDisable', { username: u.username })} okText={t('users.ok')} cancelText={t('users.cancel')} onConfirm={() => disable.mutate({ username: u.username })}>
              <Button type="link" size="small" danger data-testid="user-disable">{t('users.disable')}</Button>
            </Popconfirm>
          )}
          {u.totpEnabled && (
            <Popconfirm title={t('users.confirmResetTotp', { username: u.username })} okText={t('users.ok')} cancelText={t('users.cancel')} onConfirm={() => resetTotp.mutate({ username: u.username })}>
              <Button type="link" size="small" data-testid="user-reset-totp">{t('users.resetTotp')}</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="admin-users-page">
      <Flex align="center" justify="space-between" gap={24}>
        <Space orientation="vertical" size={4} style={{ flex: 1, minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>{t('users.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('users.subtitle')}</Typography.Text>
        </Space>
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)} data-testid="user-create">{t('users.create')}</Button>
      </Flex>
      {users.isError ? <QueryError error={users.error} onRetry={() => void users.refetch()} /> : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<UserRow>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={users.data ?? []}
            loading={users.isPending}
            pagination={false}
            onRow={(u) => ({ 'data-testid': 'user-row', 'data-username': u.username }) as HTMLAttributes<HTMLElement>}
            data-testid="users-table"
          />
        </Card>
      )}
      <CreateUserModal open={creating} busy={create.isPending} regions={options} onCancel={() => setCreating(false)} onSubmit={(v) => create.mutate(v)} />
      <ResetPasswordModal
        username={resetting}
        busy={resetPassword.isPending}
        onCancel={() => setResetting(null)}
        onSubmit={(password) => resetting && resetPassword.mutate({ username: resetting, password })}
      />
      <AccessModal
        user={editing}
        busy={setAccess.isPending}
        regions={options}
        onCancel={() => setEditing(null)}
        onSubmit={(v) => editing && setAccess.mutate({ username: editing.username, ...v })}
      />
    </Space>
  );
}
