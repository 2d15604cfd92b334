/**
 * The server's refusals of a parameter edit (English sentences, also read by the CLI and the
 * logs) in the UI language: which field breaks which rule, in which region. Anything else is
 * shown as sent.
 */
import type { TFunction } from 'i18next';
import { errorMessage } from '../../lib/errors.ts';

const LATER = / \(rules in force from (\d{4}-\d{2})\)$/;
const REGION = /^params\.regions\.([^.]+)\.(employee|resident)\./;
const ORDER = /(thresholds\.\w+) must be a number greater than (\w+) \(([^)]+)\), got (.+)$/;
const NON_NEGATIVE = /(thresholds\.redBelow|resident\.\w+) must be a number ≥ 0.*, got (.+)$/;
const BEFORE = /^effectiveFrom (\S+) is before (\S+), when version (\d+) took effect/;
const NOTHING = /^nothing changes from version (\d+)/;
const CONFLICT = /the newest national version is (\d+)/;

export function parameterRefusal(error: unknown, t: TFunction): string {
  const full = errorMessage(error);
  const later = LATER.exec(full);
  const text = later ? full.slice(0, later.index) : full;
  const region = REGION.exec(text);
  const where = region ? t('parameters:refusal.region', { region: region[1], scheme: t(`common:scheme.${region[2]}`) }) : '';
  const suffix = later ? t('parameters:refusal.later', { month: later[1] }) : '';
  const order = ORDER.exec(text);
  if (order) {
    const previous = `thresholds.${order[2]}`;
    return t('parameters:refusal.order', {
      where, field: t(`parameters:key.${order[1]}`), previous: t(`parameters:key.${previous}`), previousValue: order[3], value: order[4],
    }) + suffix;
  }
  const negative = NON_NEGATIVE.exec(text);
  if (negative) return t('parameters:refusal.nonNegative', { where, field: t(`parameters:key.${negative[1]}`), value: negative[2] }) + suffix;
  if (text.startsWith('params.reserveRate')) return t('parameters:refusal.reserveRate');
  if (text.startsWith('params.denominator projected_next_12')) return t('parameters:refusal.projected');
  const before = BEFORE.exec(text);
  if (before) return t('parameters:refusal.before', { month: before[1], previous: before[2], version: before[3] });
  const nothing = NOTHING.exec(text);
  if (nothing) return t('parameters:refusal.nothing', { version: nothing[1] });
  const conflict = CONFLICT.exec(text);
  if (conflict) return t('parameters:refusal.conflict', { version: conflict[1] });
  if (text.endsWith('has no override to end')) return t('parameters:refusal.noOverride');
  return full;
}
