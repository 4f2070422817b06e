import { APP_ID, messageJson, snowflake } from './fake-discord.js';

/**
 * INTERACTION_CREATE payloads as Discord sends them (the fields discord.js reads), for the fake gateway.
 */

export const GUILD_ID = '200000000000000001';
export const CHANNEL_ID = '300000000000000001';

/** Permission bitfields as strings, as in `member.permissions`. */
export const PERMISSIONS = {
  member: '1024', // View Channel
  manager: String(1024 + 32), // + Manage Server
};

export interface Actor {
  id: string;
  username: string;
  globalName?: string | null;
  nick?: string | null;
  permissions?: string;
  /** The Discord client's language (`ja`, `en-US`, `fr`...). */
  locale?: string;
}

export const ALICE: Actor = {
  id: '400000000000000001',
  username: 'alice',
  globalName: 'Alice A.',
  locale: 'en-US',
};
export const BOB: Actor = { id: '400000000000000002', username: 'bob', nick: 'Bobby', locale: 'ja' };
export const MANAGER: Actor = {
  id: '400000000000000003',
  username: 'mona',
  locale: 'en-US',
  permissions: PERMISSIONS.manager,
};

export interface InteractionPayload {
  id: string;
  token: string;
  type: number;
  channel_id?: string;
  [key: string]: unknown;
}

export interface Where {
  guildId?: string | null;
  channelId?: string;
}

function envelope(type: number, actor: Actor, where: Where = {}): InteractionPayload {
  const id = snowflake();
  const channelId = where.channelId ?? CHANNEL_ID;
  const guildId = where.guildId === undefined ? GUILD_ID : where.guildId;
  const user = {
    id: actor.id,
    username: actor.username,
    discriminator: '0',
    global_name: actor.globalName ?? null,
    avatar: null,
  };
  return {
    id,
    token: `itok-${id}`,
    type,
    application_id: APP_ID,
    channel_id: channelId,
    channel: {
      id: channelId,
      type: guildId ? 0 : 1,
      ...(guildId ? { guild_id: guildId, name: 'quiz' } : {}),
    },
    ...(guildId
      ? {
          guild_id: guildId,
          guild_locale: 'ja',
          member: {
            user,
            nick: actor.nick ?? null,
            roles: [],
            joined_at: '2026-01-01T00:00:00.000Z',
            permissions: actor.permissions ?? PERMISSIONS.member,
            deaf: false,
            mute: false,
            flags: 0,
          },
        }
      : { user }),
    version: 1,
    app_permissions: '2248473465835073',
    locale: actor.locale ?? 'ja',
    entitlements: [],
    authorizing_integration_owners: {},
    context: guildId ? 0 : 1,
  };
}

export interface SlashOption {
  name: string;
  type: number;
  value?: string | boolean;
  focused?: boolean;
  options?: SlashOption[];
}

/** Option types of the API. */
export const OPTION = { subcommand: 1, group: 2, string: 3, boolean: 5 } as const;

/** `/name group? subcommand? option:value...`, e.g. `slash('quiz', ['team', 'join'], { name: 'ML Ops' })`. */
export function slash(
  name: string,
  path: string[],
  values: Record<string, string | boolean> = {},
  actor: Actor = ALICE,
  where: Where = {},
): InteractionPayload {
  return {
    ...envelope(2, actor, where),
    data: { id: snowflake(), name, type: 1, options: nest(path, values) },
  };
}

/** An autocomplete request while `option` is being typed. */
export function autocomplete(
  name: string,
  option: string,
  typed: string,
  actor: Actor = ALICE,
): InteractionPayload {
  return {
    ...envelope(4, actor),
    data: {
      id: snowflake(),
      name,
      type: 1,
      options: [{ name: option, type: OPTION.string, value: typed, focused: true }],
    },
  };
}

/** A click on a button of message `messageId`. */
export function click(
  customId: string,
  messageId: string,
  actor: Actor = ALICE,
  where: Where = {},
  ephemeral = false,
): InteractionPayload {
  const base = envelope(3, actor, where);
  return {
    ...base,
    data: { custom_id: customId, component_type: 2 },
    message: messageJson(messageId, base.channel_id ?? CHANNEL_ID, ephemeral ? { flags: 64 } : {}),
  };
}

/** Options picked in a string select of message `messageId` (the private picker: ephemeral). */
export function selectValues(
  customId: string,
  values: string[],
  messageId: string,
  actor: Actor = ALICE,
): InteractionPayload {
  const base = envelope(3, actor);
  return {
    ...base,
    data: { custom_id: customId, component_type: 3, values },
    message: messageJson(messageId, base.channel_id ?? CHANNEL_ID, { flags: 64 }),
  };
}

function nest(path: string[], values: Record<string, string | boolean>): SlashOption[] {
  const leaves = Object.entries(values).map(([name, value]) => ({
    name,
    type: typeof value === 'boolean' ? OPTION.boolean : OPTION.string,
    value,
  }));
  if (path.length === 0) return leaves;
  if (path.length === 1) return [{ name: path[0] ?? '', type: OPTION.subcommand, options: leaves }];
  return [
    {
      name: path[0] ?? '',
      type: OPTION.group,
      options: [{ name: path[1] ?? '', type: OPTION.subcommand, options: leaves }],
    },
  ];
}
