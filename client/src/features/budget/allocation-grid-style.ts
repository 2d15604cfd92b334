/**
 * The look of the allocation grid, written from the antd theme's tokens so it matches the small
 * antd tables beside it: header fill and weight, 8 px cell padding, split lines, hover and
 * sorted-column fills, the primary colour of an active sort caret, the shadow of the pinned column
 * once the body has scrolled sideways. Fills that antd gives as translucent colours are laid over
 * the container colour, so pinned cells stay opaque.
 */
import type { GlobalToken } from 'antd';
import { ADJUSTED_ROW_BACKGROUND } from './budget-colors.ts';

/** Height of a body row, px: 8 px padding above and below a 22 px line, and a 1 px split line (antd's small table). */
export const ROW_HEIGHT = 39;

/** Class names of the grid's parts (one prefix, so the rules cannot leak onto other tables). */
export const GRID_CLASS = {
  root: 'fr-alloc',
  scroll: 'fr-alloc-scroll',
  head: 'fr-alloc-head',
  body: 'fr-alloc-body',
  row: 'fr-alloc-row',
  headerCell: 'fr-alloc-th',
  cell: 'fr-alloc-td',
  sorter: 'fr-alloc-sorter',
  carets: 'fr-alloc-carets',
  empty: 'fr-alloc-empty',
  // modifiers
  right: 'fr-alloc-right',
  pinned: 'fr-alloc-pinned',
  sorted: 'fr-alloc-sorted',
  active: 'fr-alloc-active',
  adjusted: 'fr-alloc-adjusted',
} as const;

/** The stylesheet of the grid for a theme. */
export function allocationGridCss(token: GlobalToken): string {
  const c = GRID_CLASS;
  const over = (fill: string) => `linear-gradient(${fill}, ${fill})`;
  return `
.${c.root} { font-family: ${token.fontFamily}; font-size: ${token.fontSize}px; line-height: ${token.lineHeight}; color: ${token.colorText}; --fr-alloc-bg: ${token.colorBgContainer}; }
.${c.root} *, .${c.root} *::before, .${c.root} *::after { box-sizing: border-box; }
.${c.scroll} { position: relative; overflow: auto; }
.${c.row} { display: grid; grid-template-columns: var(--fr-alloc-cols); min-width: var(--fr-alloc-width); }
.${c.head} { position: sticky; top: 0; z-index: 3; min-width: var(--fr-alloc-width); }
.${c.headerCell} { position: relative; display: flex; align-items: center; padding: ${token.paddingXS}px; color: ${token.colorTextHeading}; font-weight: ${token.fontWeightStrong}; background: ${over(token.colorFillAlter)} var(--fr-alloc-bg); border-bottom: ${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}; overflow-wrap: anywhere; }
.${c.headerCell}:not(:last-child)::before { content: ''; position: absolute; top: 50%; inset-inline-end: 0; width: 1px; height: 1.6em; transform: translateY(-50%); background: ${token.colorBorderSecondary}; }
.${c.headerCell}.${c.sorted} { background: ${over(token.colorFillSecondary)} var(--fr-alloc-bg); }
.${c.headerCell}.${c.right} { justify-content: flex-end; text-align: end; }
.${c.sorter} { all: unset; display: flex; flex: 1; align-items: center; justify-content: space-between; gap: ${token.paddingXXS}px; cursor: pointer; min-width: 0; }
.${c.right} .${c.sorter} > span:first-child { flex: 1; }
.${c.sorter}:focus-visible { outline: ${token.lineWidthFocus}px solid ${token.colorPrimaryBorder}; outline-offset: 2px; border-radius: ${token.borderRadiusSM}px; }
.${c.carets} { display: inline-flex; flex-direction: column; align-items: center; font-size: ${token.fontSizeSM - 1}px; color: ${token.colorTextQuaternary}; }
.${c.carets} .anticon + .anticon { margin-top: -0.3em; }
.${c.carets} .${c.active} { color: ${token.colorPrimary}; }
.${c.body} { position: relative; min-width: var(--fr-alloc-width); }
.${c.body} > .${c.row} { position: absolute; top: 0; left: 0; right: 0; height: ${ROW_HEIGHT}px; cursor: pointer; }
.${c.body} > .${c.row}.${c.adjusted} { --fr-alloc-bg: ${ADJUSTED_ROW_BACKGROUND}; }
/* the focus ring is a layer over the cells: an outline would be drawn under the pinned cell */
.${c.body} > .${c.row}:focus-visible { z-index: 2; outline: none; }
.${c.body} > .${c.row}:focus-visible::after { content: ''; position: absolute; inset: 0; z-index: 2; pointer-events: none; border: ${token.lineWidthFocus}px solid ${token.colorPrimaryBorder}; }
.${c.cell} { height: ${ROW_HEIGHT}px; padding: ${token.paddingXS}px; line-height: ${ROW_HEIGHT - 2 * token.paddingXS - token.lineWidth}px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; background-color: var(--fr-alloc-bg); border-bottom: ${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}; }
.${c.cell}.${c.right} { text-align: end; }
.${c.cell}.${c.sorted}, .${c.body} > .${c.row}:hover > .${c.cell} { background-image: ${over(token.colorFillAlter)}; }
.${c.pinned} { position: sticky; left: 0; z-index: 1; }
.${c.scroll}[data-scrolled-x="true"] .${c.pinned} { box-shadow: 10px 0 8px -8px ${token.colorSplit}; }
.${c.empty} { position: sticky; left: 0; padding: ${token.padding}px 0; border-bottom: ${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}; }
`;
}
