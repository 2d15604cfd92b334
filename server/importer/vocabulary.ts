/**
 * Coded values accepted in cells, in English or as Chinese statistical tables write them, mapped
 * to the stored code. Matching ignores case and surrounding spaces.
 */
import type { Account, RegionLevel, Scheme } from '../db/schema.ts';

type Vocabulary<T extends string> = ReadonlyMap<string, T>;

function vocabulary<T extends string>(entries: Record<T, readonly string[]>): Vocabulary<T> {
  const map = new Map<string, T>();
  for (const [code, aliases] of Object.entries(entries) as Array<[T, readonly string[]]>) {
    map.set(code.toLowerCase(), code);
    for (const a of aliases) map.set(a.toLowerCase(), code);
  }
  return map;
}

export function lookup<T extends string>(vocab: Vocabulary<T>, text: string): T | undefined {
  return vocab.get(text.trim().toLowerCase());
}

/** The accepted codes, for messages: `employee, resident, …`. */
export function codesOf<T extends string>(vocab: Vocabulary<T>): string {
  return [...new Set(vocab.values())].join(', ');
}

export const SCHEME_VOCAB = vocabulary<Scheme>({
  employee: ['uebmi', '职工', '职工医保', '职工基本医疗保险', '城镇职工', '城镇职工基本医疗保险'],
  resident: ['urrbmi', '居民', '居民医保', '城乡居民', '城乡居民医保', '城乡居民基本医疗保险'],
  assistance: ['医疗救助', '救助'],
  maternity: ['生育', '生育保险'],
  critical_illness: ['critical illness', '大病', '大病保险'],
  long_term_care: ['long-term care', 'long term care', '长护险', '长期护理', '长期护理保险'],
});

export const ACCOUNT_VOCAB = vocabulary<Account>({
  pooling: ['pooling fund', '统筹', '统筹基金'],
  personal: ['personal accounts', '个人账户', '个账'],
  combined: ['total', '合计', '合并', '统账合计'],
});

export const REGION_LEVEL_VOCAB = vocabulary<RegionLevel>({
  province: ['省', '省级'],
  city: ['市', '市级', '地市', '地市级'],
  county: ['县', '县级', '区县', '区'],
});

export type InstitutionType = 'hospital' | 'primary_care' | 'pharmacy';
export const INSTITUTION_TYPE_VOCAB = vocabulary<InstitutionType>({
  hospital: ['医院', '定点医院', '医疗机构'],
  primary_care: ['primary care', '基层', '基层医疗机构', '基层医疗卫生机构', '社区卫生服务中心', '乡镇卫生院'],
  pharmacy: ['药店', '定点药店', '零售药店', '定点零售药店'],
});

export type ViolationNature = 'general' | 'serious' | 'severe';
export const NATURE_VOCAB = vocabulary<ViolationNature>({
  general: ['一般'],
  serious: ['较重', '较严重'],
  severe: ['严重', '特别严重'],
});

export type ViolationStatus = 'proposed' | 'notified' | 'confirmed' | 'withdrawn';
export const STATUS_VOCAB = vocabulary<ViolationStatus>({
  proposed: ['拟处理', '待告知'],
  notified: ['已告知'],
  confirmed: ['确认', '已确认', '已处理'],
  withdrawn: ['撤销', '已撤销'],
});

export type CreditRating = 'A' | 'B' | 'C' | 'D';
export const CREDIT_VOCAB = vocabulary<CreditRating>({
  A: ['a级'], B: ['b级'], C: ['c级'], D: ['d级'],
});

export const BOOLEAN_VOCAB = vocabulary<'true' | 'false'>({
  true: ['1', 'yes', 'y', '是'],
  false: ['0', 'no', 'n', '否'],
});

/** 三级 / 二级 / 一级 (also 三甲, 三级甲等, 3) → 3 / 2 / 1. */
export function parseInstitutionLevel(text: string): 1 | 2 | 3 | undefined {
  const m = /^(?:([123])|([一二三])(?:级.*|[甲乙丙].*)?)$/.exec(text.trim());
  if (!m) return undefined;
  const digit = m[1] ?? { 一: '1', 二: '2', 三: '3' }[m[2] as '一' | '二' | '三'];
  return Number(digit) as 1 | 2 | 3;
}
