import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { KNOWN_KIND_IDS, REPORT_KINDS, type ReportRecord } from "@/lib/import/parse";
import { decideShort, rowShortsSignal, type ShortsDecision } from "@/lib/import/parse/shorts";
import { KINDS_WITH_SHORTS_SIGNAL, reportShortsSignal } from "@/lib/import/shorts-rule";
import { mergeVideoRange } from "@/lib/import/merge/merge-videos";
import { insertStagingRows } from "@/lib/import/stage/insert-staging";
import { stagingInputs } from "@/lib/import/stage/staging-columns";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";

// Shorts precedence in EVERY import order of four reports, at the merge: the merge's SQL (merge/shorts-sql.ts), its
// TypeScript twin (parse/shorts.ts) and the order-free rule "the strongest signal seen decides" must agree for
// each video, whichever subset of the reports lists it; and every change of is_short is audited, naming the
// report that made it.
let database: TestDatabase;
const all = { from: "", to: null };
const rows = async <T>(query: ReturnType<typeof sql>) => (await database.db.execute(query)).rows as T[];

type Letter = "V" | "R" | "S" | "C";
const REPORTS: Record<Letter, { id: number; kind: string }> = {
  V: { id: 1, kind: "videos_report" },
  R: { id: 2, kind: "video_raw" },
  S: { id: 3, kind: "shorts_ads_video_summary" },
  C: { id: 4, kind: "content_owner_active_claims_a3" },
};
const LETTERS = Object.keys(REPORTS) as Letter[];

// Lengths on both sides of the duration rule: 45 s (a Short by length in either era), 170 s published 2023 (long
// under the 60 s rule, a Short under the 180 s rule while the date is unknown), 245 s (long in either era).
const LENGTHS = [
  { length: 45, published: "2025-03-01T00:00:00.000Z" },
  { length: 170, published: "2023-06-01T00:00:00.000Z" },
  { length: 245, published: "2025-03-01T00:00:00.000Z" },
];

type Case = { id: string; letters: Letter[]; length: number; published: string; eligible: boolean | null };

/** Every non-empty subset of the reports × every length × (when the claims report lists it) both verdicts. */
function cases(): Case[] {
  const out: Case[] = [];
  for (let mask = 1; mask < 1 << LETTERS.length; mask++) {
    const letters = LETTERS.filter((_, i) => mask & (1 << i));
    for (const l of LENGTHS) {
      for (const eligible of letters.includes("C") ? [true, false] : [null]) {
        out.push({ id: `sp${String(out.length).padStart(9, "0")}`, letters, ...l, eligible });
      }
    }
  }
  return out;
}

/** The row report `letter` has for a video: the Videos report alone gives the publish date, claims no length. */
function recordOf(letter: Letter, c: Case, line: number): ReportRecord {
  const record: ReportRecord = { line, video_id: c.id };
  if (letter !== "C") record.video_length = c.length;
  if (letter === "V") record.time_published = c.published;
  if (letter === "S") record.in_shorts_report = true;
  if (letter === "C") record.is_shorts_eligible = c.eligible;
  return record;
}

/** The order-free rule: the strongest signal among the reports that list the video, else its length. */
function strongest(c: Case): ShortsDecision {
  if (c.letters.includes("S")) return { isShort: true, rule: "shorts_report" };
  if (c.letters.includes("C")) return { isShort: c.eligible, rule: "shorts_eligible" };
  if (c.letters.includes("R")) return { isShort: false, rule: "long_form_revenue" };
  return decideShort({ videoLength: c.length, timePublished: c.published });
}

/** The TypeScript twin folded over one order: the final decision and each change of is_short on an existing video. */
function foldTwin(c: Case, order: Letter[]) {
  let decision: ShortsDecision | null = null;
  let length: number | null = null;
  let published: string | null = null;
  const changes: Array<{ source_id: string; is_short: [boolean | null, boolean | null] }> = [];
  for (const letter of order.filter((l) => c.letters.includes(l))) {
    const record = recordOf(letter, c, 0);
    length = record.video_length ?? length;
    published = record.time_published ?? published;
    const next = decideShort({ previous: decision, signal: rowShortsSignal(REPORTS[letter].kind, record), videoLength: length, timePublished: published });
    if (decision && decision.isShort !== next.isShort) changes.push({ source_id: String(REPORTS[letter].id), is_short: [decision.isShort, next.isShort] });
    decision = next;
  }
  return { decision: decision!, changes };
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

const CASES = cases();

beforeAll(async () => {
  database = await createTestDatabase();
  for (const [letter, { id, kind }] of Object.entries(REPORTS) as Array<[Letter, { id: number; kind: string }]>) {
    await database.db.execute(sql`INSERT INTO reports (id, key, filename, kind, status) VALUES (${id}, ${`reports/${kind}.csv`}, ${`${kind}.csv`}, ${kind}, 'processing')`);
    const records = CASES.filter((c) => c.letters.includes(letter)).map((c, i) => recordOf(letter, c, i + 2));
    await insertStagingRows(database.db, id, [...stagingInputs(records)]);
  }
});
afterAll(() => database.drop());

describe("Shorts decided by the strongest signal, in every order of four reports", () => {
  it("names only report kinds the importer knows, and never gives a Shorts report's rows a weaker signal", () => {
    for (const kind of KINDS_WITH_SHORTS_SIGNAL) expect(KNOWN_KIND_IDS).toContain(kind);
    for (const spec of REPORT_KINDS.filter((k) => k.isShortsReport)) expect(reportShortsSignal(spec.id)).toBeNull();
  });

  it.each(permutations(LETTERS).map((order) => [order.join(" → "), order] as const))("%s", async (_, order) => {
    await database.db.execute(sql`TRUNCATE videos, metadata_syncs`);
    for (const letter of order) await mergeVideoRange(database.db, { reportId: REPORTS[letter].id, range: all, excludeShorts: false });

    const catalog = new Map(
      (await rows<{ video_id: string; is_short: boolean | null; short_rule: string | null }>(sql`SELECT video_id, is_short, short_rule FROM videos`))
        .map((v) => [v.video_id, { isShort: v.is_short, rule: v.short_rule }]),
    );
    const audit = await rows<{ video_id: string; source_id: string; is_short: [boolean | null, boolean | null] }>(sql`
      SELECT video_id, source_id, changes->'is_short' AS is_short FROM metadata_syncs WHERE changes ? 'is_short' ORDER BY id`);
    for (const c of CASES) {
      const expected = strongest(c);
      const twin = foldTwin(c, order);
      const label = `${c.id}: in ${c.letters.join("")}, ${c.length} s, eligible ${c.eligible}`;
      expect(catalog.get(c.id), label).toEqual(expected);
      expect(twin.decision, label).toEqual(expected);
      const audited = audit.filter((a) => a.video_id === c.id).map(({ source_id, is_short }) => ({ source_id, is_short }));
      expect(audited, label).toEqual(twin.changes);
    }
  });

  it("a newer verdict of the same signal replaces the older one; a weaker one never does", async () => {
    await database.db.execute(sql`TRUNCATE videos, metadata_syncs`);
    await database.db.execute(sql`INSERT INTO reports (id, key, filename, kind, status) VALUES (5, 'reports/a3-later.csv', 'a3-later.csv', 'content_owner_active_claims_a3', 'processing')`);
    const id = CASES.find((c) => c.letters.join("") === "VC" && c.eligible === true && c.length === 45)!.id;
    await insertStagingRows(database.db, 5, [...stagingInputs([{ line: 2, video_id: id, is_shorts_eligible: false }])]);
    const decision = async () => (await rows(sql`SELECT is_short, short_rule FROM videos WHERE video_id = ${id}`))[0];

    for (const reportId of [4, 5]) await mergeVideoRange(database.db, { reportId, range: all, excludeShorts: false });
    expect(await decision()).toEqual({ is_short: false, short_rule: "shorts_eligible" });
    await mergeVideoRange(database.db, { reportId: 1, range: all, excludeShorts: false }); // its 45 s would make it a Short by length
    expect(await decision()).toEqual({ is_short: false, short_rule: "shorts_eligible" });
    await mergeVideoRange(database.db, { reportId: 4, range: all, excludeShorts: false });
    expect(await decision()).toEqual({ is_short: true, short_rule: "shorts_eligible" });
  });
});
