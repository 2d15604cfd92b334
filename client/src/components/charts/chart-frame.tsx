import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

/** A fixed-height, full-width box for one chart (ResponsiveContainer needs a sized parent). */
export function ChartFrame({ height, testId, children }: { height: number; testId: string; children: ReactElement }) {
  return (
    <div data-testid={testId} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** Axis and tooltip text sizes shared by the charts. */
export const AXIS_TICK = { fontSize: 12 } as const;
export const AXIS_LABEL_STYLE = { fontSize: 12, textAnchor: 'middle' } as const;
