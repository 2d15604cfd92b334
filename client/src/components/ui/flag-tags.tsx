/** The independent flags of a fund period (domain.md §3.2) as tags. */
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { FLAG_TAG_COLORS } from '../../lib/theme.ts';

export type FundFlag = 'current_deficit' | 'short_history';

export function FlagTags({ flags, consecutiveDeficits = 0 }: { flags: readonly string[]; consecutiveDeficits?: number }) {
  const { t } = useTranslation();
  if (flags.length === 0) return null;
  return (
    <Space size={4} wrap>
      {flags.map((flag) => (
        <Tag key={flag} color={FLAG_TAG_COLORS[flag as FundFlag] ?? 'default'} data-flag={flag} style={{ marginInlineEnd: 0 }}>
          {flag === 'current_deficit' && consecutiveDeficits > 1
            ? t('flag.current_deficit_run', { count: consecutiveDeficits })
            : t(`flag.${flag}`, { defaultValue: flag })}
        </Tag>
      ))}
    </Space>
  );
}
