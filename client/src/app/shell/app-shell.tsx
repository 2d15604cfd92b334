/**
 * The logged-in frame: the workspace menu on the left; a header with the title, the language
 * switch, the user and role, and logout; the demo banner when the database holds demo data.
 */
import { Suspense, type ReactNode } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Flex, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { DashboardOutlined, ExperimentOutlined, LogoutOutlined, SettingOutlined, UserOutlined, WalletOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { errorMessage } from '../../lib/errors.ts';
import { PageSpin } from '../../components/ui/page-spin.tsx';
import { menuKeyOf, PATHS, workspacesFor, type WorkspaceKey } from '../workspaces.ts';
import { LanguageSwitch } from '../../components/ui/language-switch.tsx';
import { DemoBanner } from './demo-banner.tsx';

const WORKSPACE_ICONS: Record<WorkspaceKey, ReactNode> = {
  leadership: <DashboardOutlined />,
  actuarial: <ExperimentOutlined />,
  budget: <WalletOutlined />,
  admin: <SettingOutlined />,
};

const SIDER_WIDTH = 256;

export function AppShell() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useQuery(trpc.auth.me.queryOptions());
  const logout = useMutation(trpc.auth.logout.mutationOptions({
    onSuccess: () => {
      queryClient.clear();
      void navigate(PATHS.login, { replace: true });
    },
    onError: (err) => void message.error(errorMessage(err)),
  }));

  const user = me.data?.user;
  const openedFrom = (location.state as { from?: string } | null)?.from;
  const selected = menuKeyOf(location.pathname, openedFrom);
  // Groups, not submenus: the three workspaces are always in view.
  const items: MenuProps['items'] = workspacesFor(user?.role).map((w) => ({
    key: w.key,
    type: 'group' as const,
    label: <Space size={8}>{WORKSPACE_ICONS[w.key]}{t(w.labelKey)}</Space>,
    children: w.pages.map((p) => ({ key: p.path, label: t(p.labelKey), 'data-testid': `menu-${p.path.slice(1).replace('/', '-')}` })),
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={SIDER_WIDTH} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}>
        <div style={{ padding: '16px 20px' }}>
          <Typography.Title level={5} style={{ margin: 0 }}>{t('appTitle')}</Typography.Title>
        </div>
        <Menu
          mode="inline"
          data-testid="workspace-menu"
          items={items}
          selectedKeys={selected ? [selected] : []}
          onClick={({ key }) => void navigate(key)}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            paddingInline: 24,
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Flex align="center" justify="space-between" gap={16} style={{ height: '100%' }}>
            <Typography.Text type="secondary" ellipsis>{t('appSubtitle')}</Typography.Text>
            <Space size={16}>
              <LanguageSwitch />
              {user && (
                <Space size={6} data-testid="current-user">
                  <UserOutlined />
                  <Typography.Link onClick={() => void navigate(PATHS.account)} title={t('auth:account.menu')} data-testid="account-link">{user.username}</Typography.Link>
                  <Tag color="blue" data-testid="current-role" style={{ marginInlineEnd: 0 }}>{t(`role.${user.role}`)}</Tag>
                </Space>
              )}
              <Button size="small" icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()} data-testid="logout">
                {t('logout')}
              </Button>
            </Space>
          </Flex>
        </Layout.Header>
        {me.data?.demo && <DemoBanner />}
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
