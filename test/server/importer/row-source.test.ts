import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsvRecords } from '../../../server/importer/csv-records.ts';
import { parseCsvText, TableReadError } from '../../../server/importer/read-table.ts';
import { csvTextSource, decodeBytes, tableSource } from '../../../server/importer/row-source.ts';

function rowsOf(source: ReturnType<typeof tableSource>) {
  const rows: Array<[number, string[]]> = [];
  source.forEachRow((row, n) => rows.push([n, [...row]]));
  return rows;
}

describe('csv records', () => {
  it('reads quotes, doubled quotes, quoted line breaks, CRLF and surrounding spaces', () => {
    expect(parseCsvRecords('a, "b ""c""" ,"d\ne"\r\n1,,\n')).toEqual([['a', 'b "c"', 'd\ne'], ['1', '', '']]);
  });

  it.each([
    ['ab"c,d', 'record 1: a quote inside an unquoted field (after "ab"); quote the whole field'],
    ['"a"x,b', 'record 1: unexpected "x" after a closing quote (expected , or a line end)'],
    ['x\n"open', 'record 2: a quoted field is never closed'],
  ])('refuses %j', (text, message) => {
    expect(() => parseCsvRecords(text)).toThrow(new CsvSyntaxError(message));
  });
});

describe('row sources', () => {
  const text = '# exported 2026-01-15\n\ncode,name\r\nR01,"City, One"\n\n,\nR02,"Two\nLines"\n';

  it('a streamed CSV gives the header, rows and row numbers read-table gives', () => {
    const streamed = csvTextSource(text, 't.csv', 'utf-8');
    const table = tableSource(parseCsvText(text, 't.csv', 'utf-8'));
    expect(streamed.header).toEqual(['code', 'name']);
    expect(rowsOf(streamed)).toEqual(rowsOf(table));
    expect(rowsOf(streamed)).toEqual([[4, ['R01', 'City, One']], [7, ['R02', 'Two\nLines']]]);
    expect(streamed.capacity).toBeGreaterThanOrEqual(2);
  });

  it('an empty file or a broken header is a TableReadError', () => {
    expect(() => csvTextSource('\n\n', 'e.csv', 'utf-8')).toThrow(new TableReadError('e.csv: the file is empty (no header row)'));
    expect(() => csvTextSource('a"b,c\n', 'q.csv', 'utf-8')).toThrow(TableReadError);
  });

  it('decodes UTF-8 with and without BOM and falls back to GB18030', () => {
    expect(decodeBytes(Buffer.from('\uFEFFa,b', 'utf8'))).toEqual({ text: 'a,b', encoding: 'utf-8-bom' });
    expect(decodeBytes(Buffer.from('职工', 'utf8'))).toEqual({ text: '职工', encoding: 'utf-8' });
    expect(decodeBytes(Buffer.from('d6b0b9a4', 'hex'))).toEqual({ text: '职工', encoding: 'gb18030' });
  });
});
