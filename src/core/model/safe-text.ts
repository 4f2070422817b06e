/**
 * Text that users typed and the bot echoes (team names, queries) must never ping anyone or break the
 * message's formatting, on Slack or Discord.
 */

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Names every rule below leaves as they are: ASCII letters, digits, dots and hyphens (Slack user names
 * such as `jane.doe-2`), not starting with a list marker, with no `www.` to defuse. Such a name, within
 * the length, is returned without the dozen passes, since every click echoes its player's name.
 */
const UNCHANGED = /^(?!.*www\.)[A-Za-z0-9.][A-Za-z0-9.-]*$/i;

/** Removes mentions and formatting control characters; collapses white space; cuts to `maxLength`. */
export function neutralize(input: string, maxLength = 100): string {
  if (input.length <= maxLength && UNCHANGED.test(input)) return input;
  let text = input
    .normalize('NFKC')
    // Slack special mentions and entity links: <!channel>, <!here>, <@U123>, <#C123|name>, <!subteam^S1>
    .replace(/<[!@#][^>]*>/g, '')
    .replace(/[<>]/g, '')
    // Discord mentions: <@123>, <@&123>, <#123> are gone with the brackets above; @everyone/@here are not.
    .replace(/@(everyone|here|channel)\b/gi, `@${ZERO_WIDTH_SPACE}$1`)
    // Markdown control characters of both platforms (bold, italics, code and code fences, strike,
    // spoilers) and Discord's masked links `[text](url)`: without brackets there is no link.
    .replace(/[*_~`|\\[\]]/g, '')
    // Bare URLs are links on both platforms: a zero-width space after the scheme keeps them text.
    .replace(/(\w)(:\/\/)/g, `$1:${ZERO_WIDTH_SPACE}//`)
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${ZERO_WIDTH_SPACE}.`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // Discord headings (`#`, `##`, `###`, `-#`), quotes and list markers act at the start of a line,
    // where a board row or a title may put the name.
    .replace(/^(?:-?#+|>+|[-+]\s)\s*/, '')
    .trim();
  // UTF-16 length >= code points: count the code points only when it might be too long.
  if (text.length > maxLength && [...text].length > maxLength) {
    text = `${[...text].slice(0, maxLength - 1).join('')}…`;
  }
  return text;
}
