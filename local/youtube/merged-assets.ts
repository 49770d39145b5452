import { exists, hashId } from "./seeded";

// Merged assets, as Content ID has them: when assets are merged the survivor keeps answering under the old ids,
// listed in its aliasId[], and a request naming several ids of one merged asset gets that asset once. About 1 in
// 15 existing ids is an alias; aliases fall into a few hundred groups, each merged into one canonical asset, so a
// catalog of a few thousand assets also holds several aliases of the same survivor.
//
// The relation is computed from the requested id (the sandbox stores nothing), so a canonical asset can only
// name the aliases a request mentions: asked for directly, its aliasId[] is empty. Clients map answers by id and
// aliasId of what they asked for, so that is all they can observe.

const MERGE_EVERY = 15;
const MERGE_GROUPS = 397;

const aliasHash = (assetId: string) => hashId(`merge:${assetId}`);
const looksAlias = (assetId: string) => aliasHash(assetId) % MERGE_EVERY === 0;

/** The canonical asset an alias id was merged into, or undefined when the id is an asset of its own (or unknown). */
export function mergedInto(assetId: string): string | undefined {
  if (!exists(assetId) || !looksAlias(assetId)) return undefined;
  return canonicalAssetId(Math.floor(aliasHash(assetId) / MERGE_EVERY) % MERGE_GROUPS);
}

export function isAliasAsset(assetId: string): boolean {
  return mergedInto(assetId) !== undefined;
}

/** The surviving asset of a merge group: an existing id that is not itself an alias. */
function canonicalAssetId(group: number): string {
  for (let salt = 0; ; salt++) {
    const id = `A9${String(hashId(`canonical:${group}:${salt}`)).padStart(10, "0")}${String(group).padStart(4, "0")}`;
    if (exists(id) && !looksAlias(id)) return id;
  }
}

/**
 * Requested ids grouped by the asset that answers for them: canonical id → the alias ids asked for, in request
 * order, without duplicates. Unknown ids are left out, as the real API omits them.
 */
export function groupByCanonical(ids: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    if (!exists(id)) continue;
    const canonical = mergedInto(id) ?? id;
    const aliases = groups.get(canonical) ?? [];
    if (canonical !== id && !aliases.includes(id)) aliases.push(id);
    groups.set(canonical, aliases);
  }
  return groups;
}
