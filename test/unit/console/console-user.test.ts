import { describe, expect, it } from 'vitest';
import { consoleUserName } from '../../../src/adapters/console/console-user.js';

describe('consoleUserName', () => {
  const os = () => ({ username: 'osname' });
  it('takes USER, else USERNAME, else the OS account, else nothing', () => {
    expect(consoleUserName({ USER: 'ann', USERNAME: 'win' }, os)).toBe('ann');
    expect(consoleUserName({ USER: ' ', USERNAME: 'win' }, os)).toBe('win');
    expect(consoleUserName({}, os)).toBe('osname');
    expect(
      consoleUserName({}, () => {
        throw new Error('ENOENT: no passwd entry');
      }),
    ).toBe('');
  });
});
