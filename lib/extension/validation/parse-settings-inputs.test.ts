import { describe, expect, it } from 'vitest';
import { MAX_LABEL_LENGTH, parseLabel } from './parse-label.js';
import { parseRefreshPeriod } from './parse-refresh-period.js';
import { originPattern, parseRpcUrl, parseRpcUrls } from './parse-rpc-urls.js';

describe('parseLabel', () => {
  it('trims and collapses whitespace', () => expect(parseLabel('  my   cold\twallet ')).toBe('my cold wallet'));
  it('allows an empty label', () => expect(parseLabel('   ')).toBe(''));
  it('accepts exactly the limit and refuses one more', () => {
    expect(parseLabel('x'.repeat(MAX_LABEL_LENGTH))).toHaveLength(MAX_LABEL_LENGTH);
    expect(() => parseLabel('x'.repeat(MAX_LABEL_LENGTH + 1))).toThrow(`Label too long: at most ${MAX_LABEL_LENGTH} characters`);
  });
});

describe('parseRpcUrl', () => {
  it.each([
    ['https://eth.llamarpc.com', 'https://eth.llamarpc.com'],
    ['http://127.0.0.1:8545', 'http://127.0.0.1:8545'],
    [' https://rpc.example/v1/KEY ', 'https://rpc.example/v1/KEY'],
  ])('accepts %s', (input, expected) => expect(parseRpcUrl(input)).toBe(expected));

  it.each([
    ['host without scheme', 'localhost:8545', /Unsupported scheme localhost:/],
    ['websocket', 'wss://rpc.example', /Unsupported scheme wss: .*use http:\/\/ or https:\/\//],
    ['file', 'file:///etc/passwd', /Unsupported scheme file:/],
    ['credentials', 'https://user:pw@rpc.example', /Remove the user name\/password/],
    ['empty', '', /Not a URL: \(empty\)/],
  ])('refuses %s with the reason', (_name, input, reason) => expect(() => parseRpcUrl(input)).toThrow(reason));
});

describe('parseRpcUrls', () => {
  it('reads one URL per line, skipping blanks and duplicates, keeping order', () => {
    expect(parseRpcUrls('https://a.example\n\n https://b.example \r\nhttps://a.example')).toEqual(['https://a.example', 'https://b.example']);
  });
  it('needs at least one URL', () => expect(() => parseRpcUrls(' \n ')).toThrow('Enter at least one RPC URL'));
  it('derives a host permission pattern without the port', () => expect(originPattern('http://127.0.0.1:8545')).toBe('http://127.0.0.1/*'));
});

describe('parseRefreshPeriod', () => {
  const bounds = { min: 30, max: 86_400 };
  it.each([
    [30, 30],
    ['300', 300],
    [86_400, 86_400],
  ])('accepts %s', (input, expected) => expect(parseRefreshPeriod(input, bounds)).toBe(expected));
  it.each([29, 86_401, 0, -5])('refuses %s as out of bounds', (input) => expect(() => parseRefreshPeriod(input, bounds)).toThrow('between 30 and 86400 seconds'));
  it.each([1.5, 'abc', '', null])('refuses %s as not whole seconds', (input) => expect(() => parseRefreshPeriod(input, bounds)).toThrow('whole number of seconds'));
});
