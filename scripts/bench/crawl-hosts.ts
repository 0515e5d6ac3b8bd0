/**
 * The simulated web of the crawl benchmark, as data: host i's behaviour is drawn from a seeded
 * generator, so that the web (a child process) and the benchmark (which knows the truth) agree.
 * 80 % answer 200 after 50–500 ms (a tenth of them over HTTP only), 8 % redirect (half to another
 * domain, half within the site), 5 % answer 4xx/5xx, 4 % accept the connection and never answer,
 * 3 % refuse it.
 */
import { seededRandom } from '../seeded-random.ts';

export type HostBehaviour =
  | { kind: 'ok'; delayMs: number; httpOnly: boolean; robots: boolean }
  | { kind: 'redirect-away'; delayMs: number }
  | { kind: 'redirect-within'; delayMs: number }
  | { kind: 'error'; delayMs: number; status: number }
  | { kind: 'hang' }
  | { kind: 'refuse' };

export const SOURCE_DOMAIN = 'bench-commune.fr';
export const AWAY_DOMAIN = 'ailleurs-bench.fr';

export const sourceHost = (index: number) => `c${index}.${SOURCE_DOMAIN}`;
export const awayHost = (index: number) => `c${index}.${AWAY_DOMAIN}`;

export function indexOfHost(host: string): number | null {
  const match = /^c(\d+)\.(bench-commune|ailleurs-bench)\.fr$/.exec(host);
  return match === null ? null : Number(match[1]);
}

export function behaviourOf(index: number): HostBehaviour {
  const random = seededRandom(index * 7919 + 17);
  const draw = random();
  const delayMs = 50 + Math.floor(random() * 451);
  if (draw < 0.8) return { kind: 'ok', delayMs, httpOnly: random() < 0.1, robots: random() < 0.3 };
  if (draw < 0.84) return { kind: 'redirect-away', delayMs };
  if (draw < 0.88) return { kind: 'redirect-within', delayMs };
  if (draw < 0.93) return { kind: 'error', delayMs, status: [404, 410, 500, 502, 503][Math.floor(random() * 5)] };
  if (draw < 0.97) return { kind: 'hang' };
  return { kind: 'refuse' };
}

/** The outcome a correct crawler reaches on a first check of host i. */
export function expectedOutcome(index: number): string {
  const behaviour = behaviourOf(index);
  if (behaviour.kind === 'ok' || behaviour.kind === 'redirect-within') return 'ok';
  if (behaviour.kind === 'redirect-away') return 'redirected';
  return 'failing';
}
