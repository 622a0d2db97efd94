import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../sandbox/programs/systemd/status.ts';

describe("status's sizes", () => {
  it('keeps one decimal, cut rather than rounded, as format_bytes() does', () => {
    expect(formatBytes(3_565_158)).toBe('3.3M');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10.0M');
    expect(formatBytes(10_485_759)).toBe('9.9M');
    expect(formatBytes(232 * 1024)).toBe('232.0K');
    expect(formatBytes(1536 * 1024 * 1024)).toBe('1.5G');
    expect(formatBytes(512)).toBe('512B');
  });
});
