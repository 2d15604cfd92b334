/**
 * The pure parts of the parameters page: values with their units, the percent ⇄ decimal round trip
 * of the edit forms, and the server's refusals in Chinese. The refusals are produced by the real
 * services on a test database, so a reworded server message fails here, not in front of a user.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import fc from 'fast-check';
import i18next, { type TFunction } from 'i18next';
import { TRPCError } from '@trpc/server';
import zhCommon from '../../client/src/locales/zh-CN/common.json';
import zhParameters from '../../client/src/locales/zh-CN/parameters.json';
import enCommon from '../../client/src/locales/en/common.json';
import enParameters from '../../client/src/locales/en/parameters.json';
import { formatParameterValue, fromFormNumber, shownDecimals, toFormNumber } from '../../client/src/features/parameters/parameter-values.ts';
import { parameterRefusal } from '../../client/src/features/parameters/refusals.ts';
import { callerFor } from '../server/harness.ts';
import { makeWarningDb, regionId } from '../server/routers/warning-fixture.ts';

let zh: TFunction;
let en: TFunction;
beforeAll(async () => {
  const instance = (lng: string) => {
    const i = i18next.createInstance();
    return i.init({
      lng, resources: { 'zh-CN': { common: zhCommon, parameters: zhParameters }, en: { common: enCommon, parameters: enParameters } },
      defaultNS: 'common', interpolation: { escapeValue: false },
    });
  };
  [zh, en] = await Promise.all([instance('zh-CN'), instance('en')]);
});

describe('parameter values', () => {
  it('shows months with 个月, rates as percentages without trailing zeros, the denominator by name', () => {
    expect(formatParameterValue(3, 'months', 'zh-CN', zh)).toBe('3 个月');
    expect(formatParameterValue(4.5, 'months', 'en', en)).toBe('4.5 months');
    expect(formatParameterValue(0.15, 'rate', 'zh-CN', zh)).toBe('15%');
    expect(formatParameterValue(0.125, 'rate', 'en', en)).toBe('12.5%');
    expect(formatParameterValue('current_year', 'choice', 'zh-CN', zh)).toBe('近12个月支出（默认）');
    expect(formatParameterValue('year_to_date', 'choice', 'en', en)).toBe('Year-to-date expenditure, annualised');
    expect(formatParameterValue('预警 (3–6 months)', 'text', 'en', en)).toBe('预警 (3–6 months)');
    expect([shownDecimals(3), shownDecimals(4.5), shownDecimals(6.25), shownDecimals(1 / 3)]).toEqual([0, 1, 2, 2]);
  });

  it('a rate edited in percent comes back as the decimal it was (0.15 ⇄ 15)', () => {
    expect([toFormNumber(0.15, 'rate'), toFormNumber(0.09, 'rate'), toFormNumber(6, 'months')]).toEqual([15, 9, 6]);
    expect([fromFormNumber(15, 'rate'), fromFormNumber(14.3, 'rate'), fromFormNumber(6, 'months')]).toEqual([0.15, 0.143, 6]);
    // rates entered with up to 4 decimals of a percent: exactly the decimal literal, both ways
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000 }), (tenThousandths) => {
      const percent = tenThousandths / 10_000;
      const rate = Number(`${percent}e-2`);
      expect(fromFormNumber(percent, 'rate')).toBe(rate);
      expect(toFormNumber(rate, 'rate')).toBe(percent);
    }));
  });
});

describe('refusals in the UI language', () => {
  it('maps what the server says to the field and the rule, and passes anything else through', async () => {
    const db = await makeWarningDb();
    const admin = await callerFor(db, 'admin');
    const v1 = (await admin.parameters.list()).national[0]?.setId ?? 0;
    const refusalOf = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (err) {
        if (err instanceof TRPCError) return err;
      }
      throw new Error('expected a refusal');
    };
    const cut = (key: string, value: number | string) => ({ key, value, provenance: 'practice' as const, source: 's' });
    const version = (values: ReturnType<typeof cut>[], effectiveFrom = '2026-01', fromSetId = v1) => admin.parameters.createVersion({ fromSetId, effectiveFrom, note: 'n', values });
    const override = async (values: ReturnType<typeof cut>[], effectiveFrom: string, region = 'C1', scheme: 'employee' | 'resident' = 'employee') =>
      admin.parameters.setOverride({ regionId: await regionId(db, region), scheme, effectiveFrom, note: 'n', values });

    expect(parameterRefusal(await refusalOf(version([cut('thresholds.orangeBelow', 2)])), zh)).toBe('橙色预警线（低于即预警）须大于红色预警线（低于即严重预警）（3），填写的是 2');
    expect(parameterRefusal(await refusalOf(version([cut('thresholds.orangeBelow', 2)])), en)).toBe('Orange below (warning) must be greater than Red below (severe warning) (3); you entered 2');
    expect(parameterRefusal(await refusalOf(version([cut('thresholds.redBelow', -1)])), zh)).toBe('红色预警线（低于即严重预警）须为不小于 0 的数，填写的是 -1');
    expect(parameterRefusal(await refusalOf(version([cut('reserveRate', 1)])), zh)).toBe('风险调剂金提取比例须不小于 0% 且小于 100%');
    expect(parameterRefusal(await refusalOf(version([cut('denominator', 'projected_next_12')])), zh)).toContain('预测未来12个月支出');
    expect(parameterRefusal(await refusalOf(override([], '2026-01')), zh)).toBe('该地区该险种没有可取消的调整');

    await override([cut('thresholds.redBelow', 5.5), cut('thresholds.orangeBelow', 7)], '2025-10');
    expect(parameterRefusal(await refusalOf(override([cut('thresholds.redBelow', 5)], '2025-09')), zh))
      .toBe('生效月份 2025-09 早于 v1 的生效月份 2025-10：新版本不能早于它所接续的版本生效');
    expect(parameterRefusal(await refusalOf(override([cut('thresholds.redBelow', 5.5), cut('thresholds.orangeBelow', 7)], '2025-11')), zh))
      .toBe('与 v1 相比没有任何修改');
    expect(parameterRefusal(await refusalOf(version([cut('thresholds.greenUpTo', 6.5)])), zh))
      .toBe('地区 C1 职工医保：合理区间上限（绿色）须大于橙色预警线（低于即预警）（7），填写的是 6.5');
    await override([], '2026-01');
    await override([cut('thresholds.orangeBelow', 6.8)], '2027-01', 'C2', 'resident');
    expect(parameterRefusal(await refusalOf(version([cut('thresholds.greenUpTo', 6.6)])), zh))
      .toBe('地区 C2 居民医保：合理区间上限（绿色）须大于橙色预警线（低于即预警）（6.8），填写的是 6.6（2027-01 起的规则组合）');
    await version([cut('thresholds.blueUpTo', 16)]);
    expect(parameterRefusal(await refusalOf(version([cut('thresholds.blueUpTo', 17)])), zh)).toBe('已有更新的版本 v2，请刷新后在其基础上修改');
    expect(parameterRefusal(await refusalOf(admin.parameters.get({ setId: 4242 })), zh)).toBe('parameter set 4242 not found');
  });
});
