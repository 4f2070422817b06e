import { MIN_EFFECTIVE_ANSWERS, type Readiness, readinessBar } from '../learning/readiness.js';
import type { ExamDomain } from '../model/model.js';
import type { TextView } from '../ports/views.js';
import type { Messages } from './messages/index.js';
import { textView } from './views.js';

const percent = (share: number): number => Math.round(share * 100);

/** `/quiz ready`: a bar per section, the weighted overall estimate and the section to practise. */
export function readinessView(
  title: string,
  result: Readiness,
  domains: readonly ExamDomain[],
  m: Messages,
): TextView {
  const l = m.learning;
  const nameOf = (id: string): string => domains.find((d) => d.id === id)?.name[m.locale] ?? id;
  const lines = result.sections.map((s) =>
    s.interval
      ? l.readySection(
          nameOf(s.domainId),
          readinessBar(s.interval.estimate),
          percent(s.interval.estimate),
          percent(s.interval.low),
          percent(s.interval.high),
          s.answered,
        )
      : l.readyNotEnough(nameOf(s.domainId), s.answered, MIN_EFFECTIVE_ANSWERS),
  );
  lines.push('');
  const { overall } = result;
  lines.push(
    overall
      ? l.readyOverall(
          percent(overall.estimate),
          percent(overall.low),
          percent(overall.high),
          Math.round((100 * overall.coveredWeight) / overall.totalWeight),
          100,
        )
      : l.readyOverallNone(MIN_EFFECTIVE_ANSWERS),
  );
  if (result.weakest) lines.push(l.readyWeakest(nameOf(result.weakest), result.weakest));
  lines.push(l.readyNote);
  return textView(title, lines);
}
