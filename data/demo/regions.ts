/**
 * The synthetic demo province 示范省（模拟数据）: 12 city pooling regions and 2 counties with
 * their own funds, and the assumptions that drive each region's employee and resident fund.
 * Every number here is invented; the stories (red, purple, current deficit, orange) are
 * targets checked by test/data/demo.test.ts with the trailing-12-month payable months.
 */

export type Story = 'red' | 'purple' | 'current_deficit' | 'orange' | 'typical';

export interface EmployeeSpec {
  /** Active contributors in January 2018. */
  active2018: number;
  retireeRatio2018: number;
  /** Annual growth rates (decimals). */
  activeGrowth: number;
  retireeGrowth: number;
  /** Average monthly contribution base in 2018 (元); bases are reset every July. */
  base2018Yuan: number;
  baseGrowth: number;
  /** Share of wages that goes to the pooling fund (employer part). */
  poolingRate: number;
  /** Flexible-employment contributions paid by individuals, as a share of employer income. */
  flexibleShare: number;
  /** Growth of spending per member per year, and extra growth in given years. */
  costGrowth: number;
  extraCostGrowth?: Readonly<Record<number, number>>;
  /** Income ÷ expenditure in 2018: sets the level of spending per member. */
  incomeToExpenditure2018: number;
  /** Balance before January 2018, in months of 2018 spending. */
  openingPayableMonths: number;
}

export interface ResidentSpec {
  residents2018: number;
  residentGrowth: number;
  costGrowth: number;
  extraCostGrowth?: Readonly<Record<number, number>>;
  incomeToExpenditure2018: number;
  openingPayableMonths: number;
  /** How the fiscal subsidy arrives: four quarterly lumps, or three larger mid-year lumps. */
  subsidyPattern: 'quarterly' | 'midyear';
}

export interface Adjustment {
  scheme: 'employee' | 'resident';
  period: string;
  yuan: number;
  reason: string;
}

export interface DemoRegion {
  code: string;
  name: string;
  nameEn: string;
  level: 'province' | 'city' | 'county';
  parentCode: string;
  story?: Story;
  employee?: EmployeeSpec;
  resident?: ResidentSpec;
  adjustments?: readonly Adjustment[];
}

export const PROVINCE: DemoRegion = {
  code: 'DEMO', name: '示范省（模拟数据）', nameEn: 'Demo Province (synthetic)', level: 'province', parentCode: '',
};

type CityInput = [code: string, name: string, nameEn: string, story: Story, employee: EmployeeSpec, resident: ResidentSpec];

const emp = (
  active2018: number, retireeRatio2018: number, activeGrowth: number, retireeGrowth: number,
  base2018Yuan: number, baseGrowth: number, poolingRate: number, costGrowth: number,
  incomeToExpenditure2018: number, openingPayableMonths: number, extraCostGrowth?: Record<number, number>,
): EmployeeSpec => ({
  active2018, retireeRatio2018, activeGrowth, retireeGrowth, base2018Yuan, baseGrowth, poolingRate,
  flexibleShare: 0.08, costGrowth, incomeToExpenditure2018, openingPayableMonths, extraCostGrowth,
});

const res = (
  residents2018: number, residentGrowth: number, costGrowth: number, incomeToExpenditure2018: number,
  openingPayableMonths: number, subsidyPattern: ResidentSpec['subsidyPattern'],
): ResidentSpec => ({ residents2018, residentGrowth, costGrowth, incomeToExpenditure2018, openingPayableMonths, subsidyPattern });

const CITIES: readonly CityInput[] = [
  ['DEMO01', '东川市', 'Dongchuan City (synthetic)', 'typical',
    emp(1_150_000, 0.3, 0.015, 0.045, 7200, 0.06, 0.065, 0.045, 1.08, 11), res(3_600_000, -0.012, 0.07, 1.06, 8, 'quarterly')],
  ['DEMO02', '西江市', 'Xijiang City (synthetic)', 'typical',
    emp(520_000, 0.38, 0.005, 0.045, 5600, 0.055, 0.064, 0.045, 1.08, 8, { 2023: 0.02 }), res(3_100_000, -0.015, 0.07, 1.05, 8, 'midyear')],
  ['DEMO03', '南湖市', 'Nanhu City (synthetic; story: employee fund purple, > 15 months)', 'purple',
    emp(860_000, 0.18, 0.035, 0.05, 6900, 0.065, 0.068, 0.04, 1.18, 17), res(2_400_000, -0.008, 0.065, 1.08, 10, 'quarterly')],
  ['DEMO04', '北河市', 'Beihe City (synthetic; story: employee fund slides into red)', 'red',
    emp(430_000, 0.55, -0.02, 0.05, 5200, 0.05, 0.066, 0.05, 1.17, 6.5), res(2_700_000, -0.02, 0.075, 1.03, 6, 'midyear')],
  ['DEMO05', '青山市', 'Qingshan City (synthetic)', 'typical',
    emp(380_000, 0.36, 0.008, 0.045, 5400, 0.055, 0.063, 0.045, 1.1, 7.5), res(2_900_000, -0.015, 0.07, 1.05, 7, 'quarterly')],
  ['DEMO06', '云岭市', 'Yunling City (synthetic; story: current deficit in 2025, balance still green)', 'current_deficit',
    emp(610_000, 0.3, 0.012, 0.045, 6300, 0.058, 0.065, 0.045, 1.06, 11, { 2025: 0.16 }), res(2_500_000, -0.012, 0.07, 1.05, 8, 'midyear')],
  ['DEMO07', '石门市', 'Shimen City (synthetic; orange)', 'orange',
    emp(290_000, 0.45, -0.005, 0.05, 4900, 0.05, 0.062, 0.03, 1.08, 5), res(2_200_000, -0.018, 0.07, 1.03, 5.5, 'quarterly')],
  ['DEMO08', '清河市', 'Qinghe City (synthetic)', 'typical',
    emp(470_000, 0.28, 0.015, 0.045, 6100, 0.06, 0.066, 0.045, 1.1, 11), res(2_600_000, -0.01, 0.065, 1.05, 8, 'midyear')],
  ['DEMO09', '金沙市', 'Jinsha City (synthetic)', 'typical',
    emp(340_000, 0.34, 0.01, 0.045, 5500, 0.055, 0.064, 0.045, 1.1, 8), res(2_300_000, -0.014, 0.07, 1.05, 7.5, 'quarterly')],
  ['DEMO10', '长林市', 'Changlin City (synthetic; orange)', 'orange',
    emp(260_000, 0.48, -0.008, 0.05, 4700, 0.05, 0.062, 0.025, 1.08, 5.5), res(2_000_000, -0.02, 0.075, 1.04, 5, 'midyear')],
  ['DEMO11', '平原市', 'Pingyuan City (synthetic)', 'typical',
    emp(410_000, 0.33, 0.008, 0.045, 5700, 0.056, 0.064, 0.045, 1.1, 8), res(3_300_000, -0.016, 0.07, 1.05, 7, 'quarterly')],
  ['DEMO12', '凤鸣市', 'Fengming City (synthetic)', 'typical',
    emp(300_000, 0.3, 0.012, 0.045, 5800, 0.058, 0.065, 0.045, 1.1, 10), res(1_900_000, -0.012, 0.065, 1.05, 8, 'midyear')],
];

const COUNTIES: readonly CityInput[] = [
  ['DEMO0201', '望山县', 'Wangshan County, Xijiang (synthetic; county fund)', 'typical',
    emp(52_000, 0.4, 0, 0.045, 4600, 0.05, 0.062, 0.04, 1.08, 8.5), res(560_000, -0.02, 0.07, 1.05, 7, 'midyear')],
  ['DEMO0202', '柳塘县', 'Liutang County, Xijiang (synthetic; county fund)', 'typical',
    emp(38_000, 0.42, -0.005, 0.045, 4400, 0.05, 0.062, 0.03, 1.12, 7), res(470_000, -0.02, 0.07, 1.05, 7, 'midyear')],
];

const ADJUSTMENTS: Readonly<Record<string, readonly Adjustment[]>> = {
  DEMO05: [{ scheme: 'employee', period: '2022-06', yuan: -3_862_400.5,
    reason: '审计调整：冲回以前年度多记的征缴收入 (audit: reverses prior-year income booked twice)' }],
  DEMO09: [{ scheme: 'resident', period: '2021-12', yuan: 25_000_000,
    reason: '省级调剂金划入 (transfer from the provincial adjustment fund)' }],
};

function toRegion([code, name, nameEn, story, employee, resident]: CityInput, level: 'city' | 'county', parentCode: string): DemoRegion {
  return { code, name, nameEn, level, parentCode, story, employee, resident, adjustments: ADJUSTMENTS[code] ?? [] };
}

/** All demo regions, province first, each county after its city. */
export function demoRegions(): DemoRegion[] {
  const out: DemoRegion[] = [PROVINCE];
  for (const city of CITIES) {
    out.push(toRegion(city, 'city', PROVINCE.code));
    for (const county of COUNTIES) if (county[0].startsWith(city[0])) out.push(toRegion(county, 'county', city[0]));
  }
  return out;
}
