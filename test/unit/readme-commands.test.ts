import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../src/core/model/model.js';
import { COMMAND_TABLE, type CommandEntry } from '../../src/core/presentation/command-table.js';
import { messagesFor } from '../../src/core/presentation/messages/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const en = messagesFor('en');

/** A section of the README, from its `## ` heading to the next one. */
function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start, `README has a "## ${heading}" section`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n## ', start + 4);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** The cells of a Markdown table row; `\|` inside a cell is a literal bar. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

const PLATFORM_NAMES: Record<Platform, string> = { slack: 'Slack', discord: 'Discord', console: 'console' };

/** The first three cells a README row must have for a command of the table: command, where, who. */
function expectedRow(entry: CommandEntry): string[] {
  const { args } = en.commands[entry.id];
  const typed =
    entry.platforms.includes('discord') && entry.platforms.length === 1
      ? (entry.discord ?? entry.command)
      : entry.command;
  const where = entry.platforms
    .map((p) =>
      p === 'discord' && entry.discord && entry.platforms.length > 1
        ? `Discord (\`${entry.discord}\`)`
        : PLATFORM_NAMES[p],
    )
    .join(', ');
  return [`\`${typed}${args ? ` ${args}` : ''}\``, where, entry.admin ? 'admins' : 'everyone'];
}

describe('README commands table', () => {
  it('lists exactly the commands of the command table, with their arguments, platforms and who may run them', () => {
    const rows = section('Commands')
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => cells(line).slice(0, 3));
    expect(rows).toEqual(COMMAND_TABLE.map(expectedRow));
  });
});

describe('README', () => {
  it('names the supported Node.js versions as package.json and the image do', () => {
    const engines = (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        engines: { node: string };
      }
    ).engines.node;
    expect(engines).toBe('>=20.18.1');
    expect(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')).toContain('FROM node:24-');
    expect(readme).toContain('Node.js 24 (or 22)');
    expect(readme).toContain('20.18.1 or newer still works for development');
    expect(readme).not.toMatch(/Node\.js 20\.18(?!\.1)|20\.18\+/);
  });

  it('tells a Docker user what they need and how to see why the container exits', () => {
    const deploy = section('Deploy');
    expect(deploy).toContain('Docker Compose v2');
    expect(deploy).toContain('docker compose logs bot');
    expect(deploy).not.toContain('docker-compose ');
  });
});
