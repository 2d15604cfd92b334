/** server/env.ts: `FUNDRISK_TRUST_PROXY` as express's `trust proxy` value, and refusals naming the entry and the rule. */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { loadConfig, parseTrustProxy } from '../../server/env.ts';

describe('FUNDRISK_TRUST_PROXY', () => {
  it('is off by default and for 0 / false / off', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    for (const off of ['', ' ', '0', 'false', 'OFF']) expect(parseTrustProxy(off)).toBe(false);
  });

  it('reads a hop count, express\'s address names, IP addresses and CIDR ranges', () => {
    expect(loadConfig({ FUNDRISK_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(parseTrustProxy('loopback')).toEqual(['loopback']);
    expect(parseTrustProxy(' loopback, 10.0.0.5 ,10.0.1.0/24,fd00::/8,::1 ')).toEqual(['loopback', '10.0.0.5', '10.0.1.0/24', 'fd00::/8', '::1']);
    expect(parseTrustProxy('uniquelocal,linklocal')).toEqual(['uniquelocal', 'linklocal']);
  });

  it('accepts every IPv4 range with a prefix of 0–32', () => {
    fc.assert(fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (ip, prefix) => {
      expect(parseTrustProxy(`${ip}/${prefix}`)).toEqual([`${ip}/${prefix}`]);
    }), { seed: 20260115, numRuns: 200 });
  });

  it('refuses true, too many hops and anything that is not an address, naming the entry', () => {
    const refusal = (text: string) => {
      try {
        loadConfig({ FUNDRISK_TRUST_PROXY: text });
        return 'accepted';
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(refusal('true')).toBe('invalid environment: FUNDRISK_TRUST_PROXY: "true" would believe X-Forwarded-For from any client; give the hop count or the proxy addresses');
    expect(refusal('11')).toBe('invalid environment: FUNDRISK_TRUST_PROXY: 11 proxy hops is more than 10; give the proxy addresses instead');
    const notAnAddress = (entry: string) =>
      `invalid environment: FUNDRISK_TRUST_PROXY: "${entry}" is not a hop count, loopback, linklocal, uniquelocal, an IP address or a CIDR range (e.g. 10.0.0.0/8)`;
    expect(refusal('loopback,10.0.0.0/33')).toBe(notAnAddress('10.0.0.0/33'));
    expect(refusal('proxy.example')).toBe(notAnAddress('proxy.example'));
    expect(refusal('10.0.0.0/8/1')).toBe(notAnAddress('10.0.0.0/8/1'));
    expect(refusal('fd00::/129')).toBe(notAnAddress('fd00::/129'));
    expect(refusal('10.0.0.1,')).toBe(notAnAddress(''));
    expect(refusal('-1')).toBe(notAnAddress('-1'));
  });
});
