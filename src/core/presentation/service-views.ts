import type { ServiceEntry } from '../ports/service-catalog.js';
import type { TextView } from '../ports/views.js';
import { encodeAction } from './action-id.js';
import type { Messages } from './messages/index.js';
import { textView } from './views.js';

/** The /gcp views: a service's card, and a choice between services. */
export function serviceCardView(
  service: ServiceEntry,
  successorName: string | undefined,
  m: Messages,
): TextView {
  const locale = m.locale;
  const lines = locale === 'ja' ? japaneseNameLine(service) : [];
  if (service.formerNames.length > 0) lines.push(m.gcpFormerNames(service.formerNames));
  lines.push(m.gcpStatus(service.status, service.statusDate, successorName));
  const buttons =
    service.relatedQuestionIds.length > 0
      ? [{ label: m.gcpPractice, action: encodeAction({ kind: 'practice', serviceId: service.id }) }]
      : [];
  return textView(service.name, lines, {
    sections: [
      { title: m.gcpWhatFor, body: service.summary[locale] },
      { title: m.gcpChooseWhen, body: service.chooseWhen[locale] },
    ],
    buttons,
    link: { label: m.gcpDocs, url: service.docsUrl },
  });
}

/**
 * The Japanese name and reading, for Japanese readers only. The Japanese name is often the English one;
 * then its reading is what helps.
 */
function japaneseNameLine(service: ServiceEntry): string[] {
  const { name, reading } = service.ja;
  if (name === service.name) return reading ? [reading] : [];
  return [reading ? `${name}（${reading}）` : name];
}

export function serviceChoicesView(title: string, services: ServiceEntry[]): TextView {
  return textView(title, [], {
    buttons: services.map((s) => ({
      label: s.name,
      action: encodeAction({ kind: 'lookup', serviceId: s.id }),
    })),
  });
}
