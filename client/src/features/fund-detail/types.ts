import type { RouterOutputs } from '../../lib/trpc.ts';

export type FundDetail = RouterOutputs['fund']['detail'];
export type FundRecord = FundDetail['records'][number];
