import { benchBudgetTable } from '/work/main/test/bench/budget-table.ts';
console.log((await benchBudgetTable()).join('\n'));
