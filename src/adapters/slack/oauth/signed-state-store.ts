import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/bolt';

/** Where a returned install state is marked spent (RedisSlackInstallations in production). */
export interface StateRecords {
  /**
   * Marks `nonce` spent for `ttlMs` (SET NX): true the first time, false when it was spent already, on
   * this replica or another.
   */
  spendState(nonce: string, ttlMs: number): Promise<boolean>;
  /** Whether a state could be checked now (Redis connected and answering), within a short bound. */
  stateCheckAvailable(): Promise<boolean>;
}

/** How long a started install may take, as Bolt's state cookie (10 minutes). */
export const STATE_TTL_MS = 600_000;

/** Why a state was refused: the failure page says which. */
export class RefusedStateError extends Error {
  override readonly name = 'RefusedStateError';
  constructor(readonly reason: 'forged' | 'expired-or-used') {
    super(reason === 'forged' ? 'OAuth state not signed by this app' : 'OAuth state expired or already used');
  }
}

/**
 * OAuth states that cost nothing until they come back, and are accepted once. The state is
 * `<nonce>.<expiry ms>.<HMAC(stateSecret, nonce and expiry)>`: starting an install writes nothing (an
 * anonymous `GET /slack/install` cannot fill Redis); Bolt binds the state to the browser with its cookie;
 * a forged or expired state is refused without a Redis call; a good one is marked spent in Redis for the
 * rest of its lifetime (SET NX), so a replayed redirect, on this replica or another, is refused.
 */
export class SignedStateStore implements StateStore {
  constructor(
    private readonly records: StateRecords,
    private readonly secret: string,
    /** What every install asks for: the state carries no options, so they are the same for all. */
    private readonly installOptions: InstallURLOptions,
    private readonly ttlMs = STATE_TTL_MS,
  ) {}

  async generateStateParam(_installOptions: InstallURLOptions, now: Date): Promise<string> {
    const payload = `${randomBytes(18).toString('base64url')}.${now.getTime() + this.ttlMs}`;
    return `${payload}.${this.sign(payload)}`;
  }

  async verifyStateParam(now: Date, state: string): Promise<InstallURLOptions> {
    const nonce = this.check(state);
    const remainingMs = Number(state.split('.')[1]) - now.getTime();
    if (remainingMs <= 0) throw new RefusedStateError('expired-or-used');
    if (!(await this.records.spendState(nonce, remainingMs))) throw new RefusedStateError('expired-or-used');
    return this.installOptions;
  }

  /** The nonce of a state this app signed, else throws (forged). */
  private check(state: string): string {
    const parts = state.split('.');
    const [nonce = '', expiry = '', signature = ''] = parts;
    const expected = Buffer.from(this.sign(`${nonce}.${expiry}`));
    const given = Buffer.from(signature);
    if (
      parts.length !== 3 ||
      !nonce ||
      !/^\d{1,16}$/.test(expiry) ||
      given.length !== expected.length ||
      !timingSafeEqual(given, expected)
    ) {
      throw new RefusedStateError('forged');
    }
    return nonce;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(`oauth-state:v2:${payload}`).digest('base64url');
  }
}
