import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/bolt';

/** Where started installs wait for their redirect (RedisSlackInstallations in production). */
export interface StateRecords {
  putState(nonce: string, json: string, ttlMs: number): Promise<void>;
  /** Returns the record and removes it at once: a second take of the same nonce gets null. */
  takeState(nonce: string): Promise<string | null>;
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
 * OAuth states that are accepted once. The state is `<nonce>.<HMAC(stateSecret, nonce)>`: a forged one is
 * refused without a Redis call; a signed one must still be in Redis, and taking it deletes it (GETDEL),
 * so a replayed redirect, on this replica or another, is refused. Unlike Bolt's default (a signed JWT
 * that stays valid until it expires), nothing can be used twice.
 */
export class OneTimeStateStore implements StateStore {
  constructor(
    private readonly records: StateRecords,
    private readonly secret: string,
    private readonly ttlMs = STATE_TTL_MS,
  ) {}

  async generateStateParam(installOptions: InstallURLOptions, now: Date): Promise<string> {
    const nonce = randomBytes(18).toString('base64url');
    await this.records.putState(nonce, JSON.stringify({ installOptions, at: now.getTime() }), this.ttlMs);
    return `${nonce}.${this.sign(nonce)}`;
  }

  async verifyStateParam(_now: Date, state: string): Promise<InstallURLOptions> {
    const [nonce = '', signature = ''] = state.split('.');
    const expected = Buffer.from(this.sign(nonce));
    const given = Buffer.from(signature);
    if (!nonce || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new RefusedStateError('forged');
    }
    const json = await this.records.takeState(nonce);
    if (!json) throw new RefusedStateError('expired-or-used');
    return (JSON.parse(json) as { installOptions: InstallURLOptions }).installOptions;
  }

  private sign(nonce: string): string {
    return createHmac('sha256', this.secret).update(`oauth-state:${nonce}`).digest('base64url');
  }
}
