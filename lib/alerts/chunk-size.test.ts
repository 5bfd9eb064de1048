import { describe, expect, it } from 'vitest';
import { classifyLogsError, DEFAULT_CHUNK, GROW_AFTER, onChunkFailure, onChunkSuccess, rangeHint } from './chunk-size.js';

const rpcError = (code: number, message: string) => Object.assign(new Error('RPC Request failed.'), { name: 'RpcRequestError', cause: { code, message, details: message } });

describe('classifyLogsError', () => {
  it.each([
    [rpcError(-32005, 'query returned more than 10000 results'), 'limit'],
    [rpcError(-32602, 'block range too large'), 'limit'],
    [rpcError(-32000, 'exceed maximum block range: 5000'), 'limit'],
    [Object.assign(new Error('HTTP request failed'), { name: 'HttpRequestError', status: 413 }), 'limit'],
    [Object.assign(new Error('The request took too long to respond.'), { name: 'TimeoutError' }), 'timeout'],
  ])('%s -> %s', (error, kind) => {
    expect(classifyLogsError(error)?.kind).toBe(kind);
  });

  it('does not shrink the range for unrelated failures or rate limits', () => {
    expect(classifyLogsError(new Error('fetch failed'))).toBeNull();
    expect(classifyLogsError(Object.assign(new Error('Too many requests, rate limit'), { status: 429 }))).toBeNull();
  });

  it('reads the provider\'s stated maximum', () => {
    expect(rangeHint('query returned more than 10000 results. Try with this block range [0x10, 0x2f].')).toBe(32);
    expect(rangeHint('exceed maximum block range: 5000')).toBe(5000);
    expect(rangeHint('eth_getLogs is limited to a 10,000 range')).toBe(10000);
    expect(rangeHint('nothing useful')).toBeUndefined();
  });
});

describe('chunk size', () => {
  it('halves on a limit error and remembers the ceiling; grows back slowly, never past it', () => {
    let c = onChunkFailure(DEFAULT_CHUNK, 2000, 'limit');
    expect(c).toMatchObject({ size: 1000, ceiling: 1000 });
    c = onChunkFailure(c, 1000, 'limit', 300);
    expect(c).toMatchObject({ size: 300, ceiling: 300 });
    for (let i = 0; i < GROW_AFTER * 5; i++) c = onChunkSuccess(c, c.size);
    expect(c.size).toBe(300);
  });

  it('a timeout shrinks without a ceiling, and growth resumes after successes', () => {
    let c = onChunkFailure(DEFAULT_CHUNK, 2000, 'timeout');
    expect(c).toMatchObject({ size: 1000, ceiling: null });
    for (let i = 0; i < GROW_AFTER; i++) c = onChunkSuccess(c, c.size);
    expect(c.size).toBe(1250);
    for (let i = 0; i < GROW_AFTER * 40; i++) c = onChunkSuccess(c, c.size);
    expect(c.size).toBe(DEFAULT_CHUNK.max);
  });

  it('a short chunk at the head does not count as evidence', () => {
    expect(onChunkSuccess(DEFAULT_CHUNK, 5)).toBe(DEFAULT_CHUNK);
  });
});
