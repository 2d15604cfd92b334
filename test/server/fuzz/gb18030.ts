/**
 * A GBK (two-byte GB18030) encoder for test files, as Chinese Excel writes CSV, built by inverting
 * the platform's own GB18030 decoder over every two-byte sequence (lead 0x81–0xFE, trail 0x40–0xFE
 * without 0x7F), so no encoding package is needed and encoder and decoder agree by construction.
 */
let table: Map<string, readonly [number, number]> | undefined;

function gbkTable(): Map<string, readonly [number, number]> {
  if (table) return table;
  const decoder = new TextDecoder('gb18030');
  const map = new Map<string, readonly [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  table = map;
  return map;
}

/** Whether every character of `text` is ASCII or has a two-byte GBK code. */
export function gbkEncodable(text: string): boolean {
  const map = gbkTable();
  for (const ch of text) if (ch.charCodeAt(0) >= 0x80 && !map.has(ch)) return false;
  return true;
}

/**
 * `text` in GBK bytes.
 * @throws Error `no GBK code for "<ch>"` for a character outside GBK (check with gbkEncodable).
 * @example encodeGbk('职工,1') // => <Buffer d6 b0 b9 a4 2c 31>
 */
export function encodeGbk(text: string): Buffer {
  const map = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = map.get(ch);
    if (!pair) throw new Error(`no GBK code for "${ch}"`);
    out.push(pair[0], pair[1]);
  }
  return Buffer.from(out);
}
