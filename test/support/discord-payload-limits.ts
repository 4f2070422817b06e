import type { RecordedRequest } from './fake-discord.js';

/**
 * Discord's documented limits, checked on every payload the bot sends to the fake. Each function returns
 * the problems found (empty when the payload is valid), so a failing test names every violation at once.
 */

type Json = Record<string, unknown>;

const NAME = /^[-_\p{Ll}\p{Lm}\p{Lo}\p{N}\p{sc=Devanagari}\p{sc=Thai}]{1,32}$/u;

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

export function embedProblems(embeds: Json[]): string[] {
  const problems: string[] = [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds (max 10)`);
  let total = 0;
  for (const embed of embeds) {
    const title = str(embed.title);
    const description = str(embed.description);
    const footer = str((embed.footer as Json | undefined)?.text);
    const fields = list(embed.fields);
    if (title.length > 256) problems.push(`embed title ${title.length} > 256`);
    if ('title' in embed && title.length === 0) problems.push('empty embed title');
    if (description.length > 4096) problems.push(`embed description ${description.length} > 4096`);
    if ('description' in embed && description.length === 0) problems.push('empty embed description');
    if (footer.length > 2048) problems.push(`embed footer ${footer.length} > 2048`);
    if (fields.length > 25) problems.push(`${fields.length} embed fields > 25`);
    for (const field of fields) {
      const name = str(field.name);
      const value = str(field.value);
      if (name.length === 0 || name.length > 256) problems.push(`field name length ${name.length}`);
      if (value.length === 0 || value.length > 1024) problems.push(`field value length ${value.length}`);
      total += name.length + value.length;
    }
    total +=
      title.length +
      description.length +
      footer.length +
      str((embed.author as Json | undefined)?.name).length;
  }
  if (total > 6000) problems.push(`embeds total ${total} > 6000`);
  return problems;
}

export function componentProblems(rows: Json[]): string[] {
  const problems: string[] = [];
  if (rows.length > 5) problems.push(`${rows.length} action rows > 5`);
  const ids = new Set<string>();
  for (const row of rows) {
    const buttons = list(row.components);
    if (row.type !== 1) problems.push(`row type ${String(row.type)}`);
    const selects = buttons.filter((c) => c.type === 3);
    if (selects.length > 0) {
      // A select fills its row alone.
      if (buttons.length !== 1)
        problems.push(`a select shares its row with ${buttons.length - 1} components`);
      for (const select of selects) problems.push(...selectProblems(select, ids));
      continue;
    }
    if (buttons.length === 0 || buttons.length > 5) problems.push(`${buttons.length} buttons in a row`);
    for (const button of buttons) {
      const label = str(button.label);
      if (label.length === 0 || label.length > 80) problems.push(`button label length ${label.length}`);
      if (button.style === 5) {
        if (!/^https?:\/\//.test(str(button.url)) || str(button.url).length > 512)
          problems.push('bad link url');
        continue;
      }
      const id = str(button.custom_id);
      if (id.length === 0 || id.length > 100) problems.push(`custom_id length ${id.length}`);
      if (ids.has(id)) problems.push(`duplicate custom_id ${id}`);
      ids.add(id);
    }
  }
  return problems;
}

/** A string select: custom_id, placeholder, 1-25 options with labels and values of at most 100, min/max. */
function selectProblems(select: Json, ids: Set<string>): string[] {
  const problems: string[] = [];
  const id = str(select.custom_id);
  if (id.length === 0 || id.length > 100) problems.push(`select custom_id length ${id.length}`);
  if (ids.has(id)) problems.push(`duplicate custom_id ${id}`);
  ids.add(id);
  if (str(select.placeholder).length > 150) problems.push('select placeholder > 150');
  const options = list(select.options);
  if (options.length === 0 || options.length > 25) problems.push(`${options.length} select options`);
  for (const option of options) {
    const label = str(option.label);
    const value = str(option.value);
    if (label.length === 0 || label.length > 100) problems.push(`select option label length ${label.length}`);
    if (value.length === 0 || value.length > 100) problems.push(`select option value length ${value.length}`);
  }
  const min = Number(select.min_values ?? 1);
  const max = Number(select.max_values ?? 1);
  if (min < 0 || min > 25 || max < 1 || max > 25 || min > max || max > options.length)
    problems.push(`select min_values ${min} / max_values ${max} with ${options.length} options`);
  return problems;
}

/** A message body (channel post or edit, webhook edit, callback data). */
export function messageProblems(body: Json, requireNoMentions = true): string[] {
  const problems = [...embedProblems(list(body.embeds)), ...componentProblems(list(body.components))];
  if (str(body.content).length > 2000) problems.push(`content ${str(body.content).length} > 2000`);
  if (requireNoMentions) {
    const parse = (body.allowed_mentions as Json | undefined)?.parse;
    if (!Array.isArray(parse) || parse.length !== 0) problems.push('allowed_mentions.parse is not []');
  }
  return problems;
}

export function autocompleteProblems(choices: Json[]): string[] {
  const problems: string[] = [];
  if (choices.length > 25) problems.push(`${choices.length} autocomplete choices > 25`);
  for (const c of choices) {
    if (str(c.name).length === 0 || str(c.name).length > 100)
      problems.push(`choice name length ${str(c.name).length}`);
    if (String(c.value).length === 0 || String(c.value).length > 100) problems.push('choice value length');
  }
  return problems;
}

function localizations(value: unknown): string[] {
  return Object.values((value ?? {}) as Record<string, string>);
}

function optionProblems(option: Json, where: string): string[] {
  const problems: string[] = [];
  const name = str(option.name);
  if (!NAME.test(name) || name !== name.toLowerCase()) problems.push(`${where}: bad name "${name}"`);
  for (const localized of localizations(option.name_localizations)) {
    if (!NAME.test(localized)) problems.push(`${where}: bad localized name "${localized}"`);
  }
  for (const description of [str(option.description), ...localizations(option.description_localizations)]) {
    if (description.length < 1 || description.length > 100)
      problems.push(`${where}: description length ${description.length}`);
  }
  const options = list(option.options);
  if (options.length > 25) problems.push(`${where}: ${options.length} options > 25`);
  const choices = list(option.choices);
  if (choices.length > 25) problems.push(`${where}: ${choices.length} choices > 25`);
  for (const choice of choices) {
    for (const n of [str(choice.name), ...localizations(choice.name_localizations)]) {
      if (n.length < 1 || n.length > 100) problems.push(`${where}: choice name length ${n.length}`);
    }
  }
  for (const child of options) problems.push(...optionProblems(child, `${where} ${str(child.name)}`));
  return problems;
}

/** What Discord counts towards a command's 8000 characters: every name, description and choice value. */
function commandChars(option: Json): number {
  const own = str(option.name).length + str(option.description).length;
  const choices = list(option.choices).reduce(
    (sum, c) => sum + str(c.name).length + String(c.value).length,
    0,
  );
  return own + choices + list(option.options).reduce((sum, o) => sum + commandChars(o), 0);
}

/** A bulk-overwrite body: names, descriptions, option and choice counts, the 8000-character total. */
export function commandProblems(commands: Json[]): string[] {
  const problems: string[] = [];
  if (commands.length > 100) problems.push(`${commands.length} commands > 100`);
  for (const command of commands) {
    const where = `/${str(command.name)}`;
    problems.push(...optionProblems(command, where));
    const size = commandChars(command);
    if (size > 8000) problems.push(`${where}: ${size} characters of names, descriptions and values > 8000`);
  }
  return problems;
}

/** Every limit that applies to one recorded request, chosen by its route. */
export function requestProblems(request: RecordedRequest): string[] {
  const body = (request.body ?? {}) as Json;
  const where = `${request.method} ${request.route}`;
  let problems: string[] = [];
  if (/^\/channels\/\d+\/messages/.test(request.route) || /^\/webhooks\//.test(request.route)) {
    if (request.method === 'POST' || request.method === 'PATCH') problems = messageProblems(body);
  } else if (/\/callback$/.test(request.route)) {
    const data = (body.data ?? {}) as Json;
    if (body.type === 4 || body.type === 7) problems = messageProblems(data, false);
    if (body.type === 8) problems = autocompleteProblems(list(data.choices));
  } else if (request.method === 'PUT' && /\/commands$/.test(request.route)) {
    problems = commandProblems(list(request.body));
  }
  return problems.map((p) => `${where}: ${p}`);
}
