import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/app/config.js';

describe('PUBLIC_URL', () => {
  it('is the origin the dashboard links point to: https, or http for a loopback name only', () => {
    const origin = (value: string) => {
      const loaded = loadConfig({ PUBLIC_URL: value });
      return loaded.ok ? loaded.config.publicUrl : loaded.problems.join('; ');
    };
    expect(origin('https://quiz.example.com')).toBe('https://quiz.example.com');
    expect(origin('https://quiz.example.com/')).toBe('https://quiz.example.com');
    expect(origin('https://quiz.example.com:8443')).toBe('https://quiz.example.com:8443');
    expect(origin('http://localhost:3000')).toBe('http://localhost:3000');
    for (const bad of [
      'http://quiz.example.com',
      'https://quiz.example.com/bot',
      'https://quiz.example.com/?a=1',
      'quiz.example.com',
      'ftp://x',
    ]) {
      expect(origin(bad), bad).toMatch(/^PUBLIC_URL: the address people open/);
    }
    const unset = loadConfig({});
    expect(unset.ok && unset.config.publicUrl).toBeUndefined();
  });
});
