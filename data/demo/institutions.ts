/**
 * Designated institutions (定点医药机构) of the demo regions: hospitals of levels 3/2/1,
 * primary care (社区卫生服务中心, 乡镇卫生院) and pharmacies, with invented names built from the
 * region name, and a relative size used to share the region's fund payments among them.
 */
import type { DemoRegion } from './regions.ts';
import type { Rng } from './rng.ts';

export type InstitutionType = 'hospital' | 'primary_care' | 'pharmacy';

export interface Institution {
  code: string;
  name: string;
  type: InstitutionType;
  /** 3 / 2 / 1 (三级/二级/一级); undefined for pharmacies. */
  level?: 3 | 2 | 1;
  regionCode: string;
  schemes: string;
  /** First year with fund payments (new institutions have only 1–2 years of history). */
  firstYear: number;
  /** Relative share of the region's institution payments. */
  weight: number;
}

const CITY_LEVEL3 = ['第一人民医院', '中心医院', '中医院', '第二人民医院'];
const CITY_LEVEL2 = ['妇幼保健院', '第三人民医院', '骨科医院', '口腔医院', '康复医院', '传染病医院', '精神卫生中心'];
const COUNTY_LEVEL2 = ['人民医院', '中医院', '妇幼保健院'];
const LEVEL1 = ['仁和医院', '康宁医院', '博爱医院', '长寿医院', '爱民医院'];
const STREETS = ['城东街道', '城西街道', '河滨街道', '新华街道', '人民路街道', '花园街道', '朝阳街道', '南门街道'];
const TOWNS = ['石桥镇', '白鹤镇', '青龙镇', '黄土镇', '新市镇', '桃花镇', '双河镇'];
const BRANDS = ['康泰大药房', '仁心大药房', '济生堂大药房', '安康大药房', '福寿堂药房', '百草堂大药房'];
const BRANCHES = ['人民路店', '解放路店', '河滨店', '新华店', '火车站店', '中山路店', '城东店', '城南店', '滨江店', '文化路店'];
/** Relative payment size by type and level, before each institution's own factor. */
const SIZE = { l3: 100, l2: 22, l1: 4, primary: 1.5, pharmacy: 0.3 } as const;
const FIRST_YEAR = 2022;

interface Counts { l3: number; l2: number; l1: number; primary: number; pharmacy: number }

function countsFor(region: DemoRegion): Counts {
  const size = ((region.employee?.active2018 ?? 0) + (region.resident?.residents2018 ?? 0) / 3) / 1e6;
  if (region.level === 'county') return { l3: 0, l2: 2, l1: 1, primary: 5, pharmacy: 4 };
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(x)));
  return {
    l3: clamp(1 + size, 1, 4), l2: clamp(2 + 1.5 * size, 3, 7), l1: clamp(1 + size, 1, 5),
    primary: clamp(4 + 2 * size, 4, 10), pharmacy: clamp(5 + 2.5 * size, 4, 12),
  };
}

/** Institutions of every region that has funds, in region order, codes `<region>-H001`, `-C001`, `-P001`. */
export function demoInstitutions(regions: readonly DemoRegion[], rng: Rng): Institution[] {
  const out: Institution[] = [];
  for (const region of regions) {
    if (!region.employee && !region.resident) continue;
    const c = countsFor(region);
    const seq = { H: 0, C: 0, P: 0 };
    const add = (prefix: keyof typeof seq, name: string, type: InstitutionType, level: Institution['level'], size: number) => {
      seq[prefix] += 1;
      const newChance = type === 'pharmacy' ? 0.18 : level === 1 ? 0.15 : type === 'primary_care' ? 0.05 : 0;
      const firstYear = rng.chance(newChance) ? rng.pick([2024, 2025]) : FIRST_YEAR;
      const schemes = type === 'pharmacy' && rng.chance(0.6) ? 'employee' : 'employee,resident';
      out.push({
        code: `${region.code}-${prefix}${String(seq[prefix]).padStart(3, '0')}`, name: `${region.name}${name}`,
        type, level, regionCode: region.code, schemes, firstYear, weight: size * rng.uniform(0.6, 1.4),
      });
    };
    const level2 = region.level === 'county' ? COUNTY_LEVEL2 : CITY_LEVEL2;
    CITY_LEVEL3.slice(0, c.l3).forEach((n) => add('H', n, 'hospital', 3, SIZE.l3));
    level2.slice(0, c.l2).forEach((n) => add('H', n, 'hospital', 2, SIZE.l2));
    LEVEL1.slice(0, c.l1).forEach((n) => add('H', n, 'hospital', 1, SIZE.l1));
    // cities: mostly street community health centres, then township health centres; counties: townships
    const streets = region.level === 'city' ? Math.ceil(0.6 * c.primary) : 0;
    STREETS.slice(0, streets).forEach((n) => add('C', `${n}社区卫生服务中心`, 'primary_care', 1, SIZE.primary));
    TOWNS.slice(0, c.primary - streets).forEach((n) => add('C', `${n}卫生院`, 'primary_care', 1, SIZE.primary));
    for (let i = 0; i < c.pharmacy; i++) {
      const brand = BRANDS[i % BRANDS.length] ?? BRANDS[0];
      const branch = BRANCHES[(i * 3) % BRANCHES.length] ?? BRANCHES[0];
      add('P', `${brand}${branch}`, 'pharmacy', undefined, SIZE.pharmacy);
    }
  }
  return out;
}
