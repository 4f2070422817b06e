import type { ChannelRef } from '../model/model.js';
import type { TextView } from '../ports/views.js';
import type { Messages } from '../presentation/messages/index.js';

/** The channel schedule commands (`/quiz schedule ...`), answered as text. */
export interface ScheduleCommands {
  show(channel: ChannelRef, m: Messages): Promise<TextView>;
  set(channel: ChannelRef, cron: string, timeZone: string | undefined, m: Messages): Promise<TextView>;
  off(channel: ChannelRef, m: Messages): Promise<TextView>;
  digest(channel: ChannelRef, enabled: boolean, m: Messages): Promise<TextView>;
  domain(channel: ChannelRef, domain: string | null, m: Messages): Promise<TextView>;
  roundLength(channel: ChannelRef, minutes: number | null, m: Messages): Promise<TextView>;
  extras(channel: ChannelRef, enabled: boolean, m: Messages): Promise<TextView>;
  includesExtras(channel: ChannelRef): Promise<boolean>;
}
