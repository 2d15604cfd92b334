/** The yellow banner of a demo database (synthetic provinces, public demo passwords). */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEMO_BANNER_COLORS } from '../../lib/theme.ts';

export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <div
      role="status"
      data-testid="demo-banner"
      style={{
        background: DEMO_BANNER_COLORS.background,
        borderBottom: `1px solid ${DEMO_BANNER_COLORS.border}`,
        padding: '6px 24px',
        textAlign: 'center',
      }}
    >
      <Typography.Text strong style={{ color: DEMO_BANNER_COLORS.text }}>
        DEMO · {t('demoBanner')}
      </Typography.Text>
    </div>
  );
}
