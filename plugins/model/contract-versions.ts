import { stringify } from 'yaml';
import { eventSchemaBreaks } from './contract-breaks.ts';

/**
 * A contract's versions, from git: an event's payload schema (by the event's `version`), or a
 * service's OpenAPI description (by its `info.version`). Pure: the contract as it is and as
 * each commit left it in, the versions out. See astro/contract-history.ts for where git is read.
 */

/** What a contract was at one commit. */
export interface ContractSnapshot {
  readonly commit: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly version: string;
  /** The schema (an event's payload) or the description (OpenAPI), parsed. */
  readonly schema: unknown;
}

/** One version of a contract: the last form it had under that number. */
export interface ContractVersion {
  readonly version: string;
  /** When it first appeared in the history read (YYYY-MM-DD); none for a version not committed yet. */
  readonly since?: string | undefined;
  /** The newest commit that held it; none for a version not committed yet. */
  readonly commit?: string | undefined;
  readonly schema: unknown;
  /** The working tree's version: what the site documents. */
  readonly current: boolean;
  /** What it breaks of the version before it, for that version's consumers (events; see contract-breaks.ts). */
  readonly breaks: readonly string[];
}

export type ContractKind = 'event' | 'openapi';

/**
 * The versions of a contract, newest first: the current one, then each earlier number as the
 * last commit that held it left it. Snapshots come newest first; a number that comes back
 * after another (a revert) is listed once, at its newest. Fewer than two versions is none:
 * there is nothing to compare.
 */
export function contractVersions(
  kind: ContractKind,
  current: { readonly version: string; readonly schema: unknown },
  snapshots: readonly ContractSnapshot[],
): ContractVersion[] {
  const byVersion = new Map<string, { since?: string; commit?: string; schema: unknown; current: boolean }>();
  byVersion.set(current.version, { schema: current.schema, current: true });
  for (const snapshot of snapshots) {
    const seen = byVersion.get(snapshot.version);
    if (seen === undefined)
      byVersion.set(snapshot.version, { since: snapshot.date, commit: snapshot.commit, schema: snapshot.schema, current: false });
    else {
      // Older commits of a number already listed only move back the date it first appeared.
      seen.since = snapshot.date;
      seen.commit ??= snapshot.commit;
    }
  }
  if (byVersion.size < 2) return [];
  const list = [...byVersion].map(([version, v]) => ({ version, ...v }));
  return list.map((v, i) => {
    const older = list[i + 1];
    const breaks = kind === 'event' && older ? eventSchemaBreaks(older.schema, v.schema) : [];
    return { version: v.version, since: v.since, commit: v.commit, schema: v.schema, current: v.current, breaks };
  });
}

/**
 * A version's schema as text, the way its kind is written (`json`, `yaml`), laid out alike
 * whatever its file's formatting was: the diff of two is a diff of what changed.
 */
export function contractText(schema: unknown, lang: 'json' | 'yaml'): string {
  return lang === 'json' ? `${JSON.stringify(schema, null, 2)}\n` : stringify(schema, { lineWidth: 0 });
}
