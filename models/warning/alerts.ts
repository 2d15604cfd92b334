/**
 * Alert levels and the order of the leadership alert list (issue 5: "an alert list sorted by
 * severity with the reasons"). A fund is an alert when something in its warning asks for action:
 *
 * | level | when |
 * | --- | --- |
 * | `critical` | red now: balance ≤ 0 or payable months < redBelow (cannot pay, domain.md §4.2) |
 * | `high` | orange now, or the forward path enters red within the first horizon (12 months) |
 * | `elevated` | the forward path enters orange or red within the longest horizon (24 months), the window is in deficit (`current_deficit`), or a resident limit is breached |
 * | `notice` | purple: excessive surplus (the 2009 guidance asks to correct it) |
 *
 * Within a level: the earlier forward entry into red, then into orange (a fund heading for red within
 * the horizon before one that stays where it is), then the more urgent tier now (tier.ts `TIER_ORDER`),
 * then fewer payable months. Callers break remaining ties by a stable key.
 *
 * @see domain.md §3.2–3.3; 人社部发〔2009〕67号 (< 3 months too little, > 15 months too much).
 */
import type { ForwardWarning } from './forward.ts';
import type { ResidentIndicators } from './resident-indicators.ts';
import { tierSeverity, type Tier } from './tier.ts';

export type AlertLevel = 'critical' | 'high' | 'elevated' | 'notice';
/** From most to least severe. */
export const ALERT_LEVELS: readonly AlertLevel[] = ['critical', 'high', 'elevated', 'notice'];

export interface AlertFacts {
  tier: Tier;
  payableMonths: number | null;
  flags: readonly string[];
  resident?: ResidentIndicators | null | undefined;
  forward?: Pick<ForwardWarning, 'warningEntry' | 'redEntry' | 'horizons'> | null | undefined;
}

/**
 * The alert level of a rated fund, or null when nothing calls for action (table above).
 * @throws never.
 * @example alertLevel({ tier: 'green', payableMonths: 7, flags: ['current_deficit'] }) // => 'elevated'
 */
export function alertLevel(f: AlertFacts): AlertLevel | null {
  if (f.tier === 'red') return 'critical';
  const firstHorizon = f.forward?.horizons[0];
  if (f.tier === 'orange' || firstHorizon?.entersRed) return 'high';
  const forward = Boolean(f.forward?.warningEntry || f.forward?.redEntry);
  const breach = Boolean(f.resident?.surplusRateBreach || f.resident?.accumulatedRatioBreach);
  if (forward || f.flags.includes('current_deficit') || breach) return 'elevated';
  if (f.tier === 'purple') return 'notice';
  return null;
}

/** Rank of a level, 0 = most severe; funds without an alert after every level. */
function levelRank(level: AlertLevel | null): number {
  return level === null ? ALERT_LEVELS.length : ALERT_LEVELS.indexOf(level);
}

/** Months ahead of the forward entry that matters most: the red one, else the orange one; none = ∞. */
function entryRank(f: AlertFacts): [number, number] {
  const red = f.forward?.redEntry?.monthsAhead;
  const warning = f.forward?.warningEntry?.monthsAhead;
  return [red ?? Infinity, warning ?? Infinity];
}

/** Payable months for ordering: none with a red tier (balance ≤ 0) sorts first, none otherwise (no spending) last. */
function monthsRank(f: AlertFacts): number {
  if (f.payableMonths !== null) return f.payableMonths;
  return f.tier === 'red' ? -Infinity : Infinity;
}

/**
 * Orders alerts from most to least severe (for `Array.prototype.sort`): level, forward entries, tier, payable months.
 * @throws never.
 * @example [{ tier: 'orange', payableMonths: 5, flags: [] }, { tier: 'red', payableMonths: 2, flags: [] }]
 *   .sort(compareAlerts).map((a) => a.tier) // => ['red', 'orange']
 */
export function compareAlerts(a: AlertFacts, b: AlertFacts): number {
  const [ra, rb] = [entryRank(a), entryRank(b)];
  const keys: Array<[number, number]> = [
    [levelRank(alertLevel(a)), levelRank(alertLevel(b))],
    [ra[0], rb[0]],
    [ra[1], rb[1]],
    [tierSeverity(a.tier), tierSeverity(b.tier)],
    [monthsRank(a), monthsRank(b)],
  ];
  for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
  return 0;
}
