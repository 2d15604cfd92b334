/**
 * The three forms of user administration, each in a modal: create a user, reset a password,
 * set role and regions. "Every region" is an explicit tick, never an empty selection by accident.
 */
import { useEffect } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegionOption } from './region-options.ts';

export const ROLES = ['admin', 'actuary', 'budget', 'leader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface AccessValues {
  role: Role;
  allRegions: boolean;
  regionCodes: string[];
}

interface CreateValues extends AccessValues {
  username: string;
  password: string;
}

export interface NewUserInput {
  username: string;
  password: string;
  role: Role;
  regionCodes: string[];
}

interface ModalProps<T> {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (values: T) => void;
}

/** The API's access input: an empty region list means every region. */
const accessInput = (v: AccessValues) => ({ role: v.role, regionCodes: v.allRegions ? [] : v.regionCodes });

function AccessFields({ regions }: { regions: readonly RegionOption[] }) {
  const { t } = useTranslation('admin');
  const all = Form.useWatch<boolean>('allRegions');
  return (
    <>
      <Form.Item name="role" label={t('form.role')} rules={[{ required: true }]}>
        <Select data-testid="user-form-role" options={ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))} />
      </Form.Item>
      <Form.Item name="allRegions" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox data-testid="user-form-all-regions">{t('form.allRegions')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="regionCodes"
        label={t('form.regions')}
        extra={t('form.regionsHelp')}
        hidden={all}
        rules={[{ validator: (_, v: string[] | undefined) => (all || (v?.length ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t('form.regionsRequired')))) }]}
      >
        <Select mode="multiple" allowClear optionFilterProp="label" options={regions.map((r) => ({ ...r }))} data-testid="user-form-regions" />
      </Form.Item>
    </>
  );
}

function PasswordField({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation('admin');
  return (
    <Form.Item name={name} label={label} extra={t('form.passwordHelp')} rules={[{ required: true, message: t('form.passwordRequired') }]}>
      <Input.Password autoComplete="new-password" data-testid="user-form-password" />
    </Form.Item>
  );
}

export function CreateUserModal({ open, busy, onCancel, onSubmit, regions }: ModalProps<NewUserInput> & { regions: readonly RegionOption[] }) {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<CreateValues>();
  useEffect(() => { if (open) form.resetFields(); }, [open, form]);
  return (
    <Modal
      open={open}
      title={t('form.createTitle')}
      okText={t('users.ok')}
      cancelText={t('users.cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ role: 'viewer', allRegions: true, regionCodes: [] }}
        onFinish={(v) => onSubmit({ username: v.username.trim(), password: v.password, ...accessInput(v) })}
        data-testid="create-user-form"
      >
        <Form.Item
          name="username"
          label={t('form.username')}
          extra={t('form.usernameHelp')}
          rules={[{ required: true, whitespace: true, message: t('form.usernameRequired') }]}
        >
          <Input autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <PasswordField name="password" label={t('form.password')} />
        <AccessFields regions={regions} />
      </Form>
    </Modal>
  );
}

export function ResetPasswordModal({ username, busy, onCancel, onSubmit }: Omit<ModalProps<string>, 'open'> & { username: string | null }) {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<{ password: string }>();
  useEffect(() => { if (username) form.resetFields(); }, [username, form]);
  return (
    <Modal
      open={username !== null}
      title={t('form.resetTitle', { username })}
      okText={t('users.ok')}
      cancelText={t('users.cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('form.sessionsNote')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => onSubmit(v.password)}>
        <PasswordField name="password" label={t('form.newPassword')} />
      </Form>
    </Modal>
  );
}

export function AccessModal({ user, busy, onCancel, onSubmit, regions }: Omit<ModalProps<{ role: Role; regionCodes: string[] }>, 'open'> & {
  user: { username: string; role: Role; regions: string[] } | null;
  regions: readonly RegionOption[];
}) {
  const { t } = useTranslation('admin');
  const [form] = Form.useForm<AccessValues>();
  useEffect(() => {
    if (!user) return;
    const all = user.regions.includes('*');
    form.setFieldsValue({ role: user.role, allRegions: all, regionCodes: all ? [] : user.regions });
  }, [user, form]);
  return (
    <Modal
      open={user !== null}
      title={t('form.accessTitle', { username: user?.username })}
      okText={t('users.ok')}
      cancelText={t('users.cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      forceRender
    >
      <Alert type="info" showIcon title={t('form.sessionsNote')} style={{ marginBottom: 16 }} />
      <Form<AccessValues> form={form} layout="vertical" requiredMark={false} onFinish={(v) => onSubmit(accessInput(v))}>
        <AccessFields regions={regions} />
      </Form>
    </Modal>
  );
}
