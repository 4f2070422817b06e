import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import {
  type DomainRecord,
  domainFileSchema,
  type QuestionRecord,
  questionSchema,
  type SeedFactRecord,
  type ServiceRecord,
  seedFactFileSchema,
  serviceFileSchema,
} from './schema.js';

/** Files of `questions/` that are not question files. */
export const DOMAINS_FILE = 'domains.yaml';
export const SERVICES_FILE = 'services.yaml';
export const SEED_FACTS_FILE = 'seed-facts.yaml';
const RESERVED = new Set([DOMAINS_FILE, SERVICES_FILE, SEED_FACTS_FILE]);

export interface ContentProblem {
  file: string;
  /** The question or service id, when the problem is inside one. */
  id?: string;
  /** Dotted field path inside the record, e.g. `choices.2.text.en`. */
  field?: string;
  message: string;
}

export interface LoadedQuestion extends QuestionRecord {
  file: string;
}

export interface Content {
  domains: DomainRecord[];
  questions: LoadedQuestion[];
  services: ServiceRecord[];
  seedFacts: SeedFactRecord[];
}

export class ContentError extends Error {
  override readonly name = 'ContentError';
  constructor(readonly problems: ContentProblem[]) {
    super(`the question bank has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  }
}

export function formatProblem(p: ContentProblem): string {
  const where = [p.file, p.id ? `id "${p.id}"` : undefined, p.field ? `field ${p.field}` : undefined]
    .filter(Boolean)
    .join(': ');
  return `  ${where}: ${p.message}`;
}

/**
 * Reads and validates every file of the question folder. Throws `ContentError` listing every problem
 * (file, id, field), so one run shows all that needs fixing.
 */
export function loadContent(dir: string): Content {
  const problems: ContentProblem[] = [];
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const rel = (file: string): string => path.join(path.basename(dir), file);

  const domains = readList(dir, DOMAINS_FILE, domainFileSchema, problems, true) ?? [];
  const services = readList(dir, SERVICES_FILE, serviceFileSchema, problems, false) ?? [];
  const seedFacts = readList(dir, SEED_FACTS_FILE, seedFactFileSchema, problems, false) ?? [];

  const questions: LoadedQuestion[] = [];
  for (const file of names.filter((f) => !RESERVED.has(f))) {
    const data = readYaml(dir, file, problems);
    if (data === undefined) continue;
    if (!Array.isArray(data)) {
      problems.push({ file: rel(file), message: 'a question file is a YAML list of questions' });
      continue;
    }
    data.forEach((raw: unknown, index) => {
      const id = idOf(raw) ?? `#${index + 1}`;
      const parsed = questionSchema.safeParse(raw);
      if (!parsed.success) {
        problems.push(...zodProblems(parsed.error, rel(file), id));
        return;
      }
      questions.push({ ...parsed.data, file: rel(file) });
    });
  }

  problems.push(...crossCheck({ domains, questions, services, seedFacts }, rel));
  if (problems.length > 0) throw new ContentError(problems);
  return { domains, questions, services, seedFacts };
}

function crossCheck(content: Content, rel: (f: string) => string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const domainIds = new Set(content.domains.map((d) => d.id));
  const serviceIds = new Set(content.services.map((s) => s.id));
  const seen = new Map<string, string>();
  for (const q of content.questions) {
    const first = seen.get(q.id);
    if (first)
      problems.push({ file: q.file, id: q.id, field: 'id', message: `duplicate id (also in ${first})` });
    else seen.set(q.id, q.file);
    if (!domainIds.has(q.domain)) {
      problems.push({
        file: q.file,
        id: q.id,
        field: 'domain',
        message: `unknown domain "${q.domain}" (one of: ${[...domainIds].join(', ')})`,
      });
    }
    q.services.forEach((s, i) => {
      if (!serviceIds.has(s)) {
        problems.push({ file: q.file, id: q.id, field: `services.${i}`, message: `unknown service "${s}"` });
      }
    });
  }
  const seenServices = new Set<string>();
  for (const s of content.services) {
    if (seenServices.has(s.id)) {
      problems.push({ file: rel(SERVICES_FILE), id: s.id, field: 'id', message: 'duplicate id' });
    }
    seenServices.add(s.id);
    if (s.successor && !serviceIds.has(s.successor)) {
      problems.push({
        file: rel(SERVICES_FILE),
        id: s.id,
        field: 'successor',
        message: `unknown service "${s.successor}"`,
      });
    }
  }
  return problems;
}

function readYaml(dir: string, file: string, problems: ContentProblem[]): unknown {
  const where = path.join(path.basename(dir), file);
  try {
    return parse(readFileSync(path.join(dir, file), 'utf8'));
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const pos = error.linePos?.[0];
      problems.push({
        file: pos ? `${where}:${pos.line}:${pos.col}` : where,
        message: `YAML: ${error.message.split('\n')[0]}`,
      });
      return undefined;
    }
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function readList<T>(
  dir: string,
  file: string,
  schema: z.ZodType<T[]>,
  problems: ContentProblem[],
  required: boolean,
): T[] | undefined {
  const data = readYaml(dir, file, problems);
  const where = path.join(path.basename(dir), file);
  if (data === null) {
    if (required) problems.push({ file: where, message: 'file is missing' });
    return undefined;
  }
  if (data === undefined) return undefined;
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  problems.push(
    ...parsed.error.issues.map((issue) => {
      const [index, ...field] = issue.path;
      const record = typeof index === 'number' && Array.isArray(data) ? data[index] : undefined;
      return {
        file: where,
        id: idOf(record) ?? (typeof index === 'number' ? `#${index + 1}` : undefined),
        ...(field.length > 0 ? { field: field.join('.') } : {}),
        message: issue.message,
      } as ContentProblem;
    }),
  );
  return undefined;
}

function zodProblems(error: z.ZodError, file: string, id: string): ContentProblem[] {
  return error.issues.map((issue) => ({
    file,
    id,
    ...(issue.path.length > 0 ? { field: issue.path.join('.') } : {}),
    message: issue.message,
  }));
}

function idOf(raw: unknown): string | undefined {
  if (raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string') return raw.id;
  return undefined;
}
