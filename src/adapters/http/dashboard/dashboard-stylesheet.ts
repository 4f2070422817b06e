import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The dashboard's one stylesheet, read once at start (next to this module, in `src/` and in `dist/`). */
export function loadDashboardStylesheet(): string | null {
  try {
    return readFileSync(fileURLToPath(new URL('./assets/dashboard.css', import.meta.url)), 'utf8');
  } catch {
    return null;
  }
}
